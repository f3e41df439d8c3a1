/**
 * `npm run docs:workflows`: regenerates docs/workflows.md from the catalog, regions and
 * assessment rules in machines/. The unit tests fail while the committed file is stale.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CATALOG } from '../machines';
import { workflowsMarkdown } from '../machines/export/markdown';

const target = fileURLToPath(new URL('../docs/workflows.md', import.meta.url));
mkdirSync(fileURLToPath(new URL('../docs/', import.meta.url)), { recursive: true });
writeFileSync(target, workflowsMarkdown(CATALOG));
console.log(`Wrote ${target} (${CATALOG.length} workflows).`);
