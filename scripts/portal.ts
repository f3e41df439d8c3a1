/**
 * `npm run portal`: starts the demo SPBE portal (test/fixtures/portal) on its own for manual
 * browsing, prints its URL and each portal's list, and runs until Ctrl+C.
 */
import { parseArgs } from 'node:util';
import { PORTAL_PATHS } from '../test/fixtures/portal/routes';
import { type DemoPortal, startDemoPortal } from '../test/fixtures/portal/server';

const HELP = `Usage: npm run portal -- [--port N] [--today YYYY-MM-DD]

  --port N             port to listen on (default: a free port)
  --today YYYY-MM-DD   date the mock cases count back from (default: today)`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      today: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`--port must be a number from 0 to 65535, got "${values.port}"`);
    return 2;
  }
  let portal: DemoPortal;
  try {
    portal = await startDemoPortal({ port, today: values.today });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  }
  process.stdout.write(
    [
      `Demo portal (data as of ${portal.today}): ${portal.url}/`,
      `  SiCantik Cloud  ${portal.url}${PORTAL_PATHS.sicantik.list}`,
      `  OSS RBA         ${portal.url}${PORTAL_PATHS.oss.list}`,
      `  SIMBG (SPA)     ${portal.url}${PORTAL_PATHS.simbg.list}`,
      `  SIMPEL          ${portal.url}${PORTAL_PATHS.simpel.list}  (no built-in adapter: docs/adapters.md)`,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await portal.close();
  return 0;
}

process.exitCode = await main();
