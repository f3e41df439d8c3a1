/**
 * `npm run workflows -- <command>`: list, show, validate, assess, simulate and export the
 * permit workflows. The logic lives in lib/workflows-cli.ts; this file only wires it to the
 * process. `npm run workflows -- help` lists the commands.
 */
import { readFileSync } from 'node:fs';
import { run } from './lib/workflows-cli';

process.exitCode = await run(process.argv.slice(2), {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
  readFile: (path) => readFileSync(path, 'utf8'),
});
