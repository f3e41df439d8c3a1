/** `npm run verify-pdf -- <file.pdf>`: exit 0 only when every signature and the payload hold. */

import { runVerifyPdf } from './lib/pdf-cli';
import { nodePdfIo } from './lib/pdf-io';

process.exitCode = await runVerifyPdf(process.argv.slice(2), nodePdfIo());
