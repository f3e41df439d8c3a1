/**
 * `npm run checklist-pdf -- --permit <id> [--case <demo case>] --out <file.pdf> [--p12 <file>
 * --password <pw>]`: a signed checklist from the command line (lib/pdf-cli.ts).
 */

import { runChecklistPdf } from './lib/pdf-cli';
import { nodePdfIo } from './lib/pdf-io';

process.exitCode = await runChecklistPdf(process.argv.slice(2), nodePdfIo());
