/**
 * A minimal client for Marionette, Firefox's own remote protocol (frames of `length:json` over
 * TCP), enough to drive Firefox ESR with the extension in `test/firefox/`: Playwright's
 * Firefox cannot load extensions, and geckodriver cannot be downloaded here (STACK.md: only
 * npm and apt are reachable). Commands are Marionette's names, e.g. `WebDriver:Navigate`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect as tcp } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Marionette {
  cmd<T = unknown>(name: string, params?: Record<string, unknown>): Promise<T>;
  /** Runs `script` (a function body; `return` gives the value) in the current context. */
  run<T = unknown>(script: string): Promise<T>;
  close(): Promise<void>;
}

async function open(port: number): Promise<{ send(msg: unknown[]): Promise<unknown[]>; end(): void }> {
  const socket = tcp(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('error', reject);
  });
  let buffer = Buffer.alloc(0);
  const queued: unknown[][] = [];
  const waiting: ((frame: unknown[]) => void)[] = [];
  socket.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const colon = buffer.indexOf(58);
      if (colon < 0) return;
      const length = Number(buffer.subarray(0, colon).toString());
      if (buffer.length < colon + 1 + length) return;
      const frame = JSON.parse(buffer.subarray(colon + 1, colon + 1 + length).toString()) as unknown[];
      buffer = buffer.subarray(colon + 1 + length);
      const next = waiting.shift();
      if (next) next(frame);
      else queued.push(frame);
    }
  });
  const read = () =>
    new Promise<unknown[]>((resolve) => {
      const frame = queued.shift();
      if (frame) resolve(frame);
      else waiting.push(resolve);
    });
  await read(); // the server's greeting
  return {
    send: async (msg) => {
      const text = JSON.stringify(msg);
      socket.write(`${Buffer.byteLength(text)}:${text}`);
      return read();
    },
    end: () => socket.destroy(),
  };
}

/**
 * Starts headless Firefox with a throw-away profile (`prefs` added to it) and Marionette on
 * `port`, and opens a session. System access is on: the tests open the sidebar from the
 * browser's own UI.
 */
export async function launchFirefox(options: {
  binary: string;
  port: number;
  prefs?: Record<string, string | number | boolean>;
}): Promise<Marionette> {
  const profile = mkdtempSync(join(tmpdir(), 'pandu-firefox-'));
  const prefs = {
    'marionette.port': options.port,
    'browser.shell.checkDefaultBrowser': false,
    ...options.prefs,
  };
  writeFileSync(
    join(profile, 'user.js'),
    Object.entries(prefs)
      .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`)
      .join('\n'),
  );
  const child: ChildProcess = spawn(
    options.binary,
    ['--headless', '--marionette', '-remote-allow-system-access', '--no-remote', '--profile', profile],
    { stdio: 'ignore' },
  );
  const stop = () => {
    child.kill();
    rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  };
  let link: Awaited<ReturnType<typeof open>> | undefined;
  for (let i = 0; i < 120 && !link; i++) {
    try {
      link = await open(options.port);
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  if (!link) {
    stop();
    throw new Error(`Firefox (${options.binary}) did not open Marionette on port ${options.port}.`);
  }
  const connection = link;
  let id = 0;
  const cmd = async <T>(name: string, params: Record<string, unknown> = {}): Promise<T> => {
    const [, , error, result] = await connection.send([0, ++id, name, params]);
    if (error) throw new Error(`${name}: ${JSON.stringify(error)}`);
    return result as T;
  };
  await cmd('WebDriver:NewSession', { capabilities: {} });
  return {
    cmd,
    run: async <T>(script: string) =>
      (await cmd<{ value: T }>('WebDriver:ExecuteScript', { script, args: [] })).value,
    close: async () => {
      await cmd('WebDriver:DeleteSession').catch(() => undefined);
      connection.end();
      stop();
    },
  };
}
