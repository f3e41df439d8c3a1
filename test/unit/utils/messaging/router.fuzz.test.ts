/**
 * The background's message entry under fuzzing (fast-check), with the real host and database
 * behind it: whatever arrives — any value as the message, any payload for every type, messages
 * from senders that are not ours — the router answers with a result and never throws, a sender
 * that is not ours is always refused, a malformed message is always refused, and a refused
 * message never writes anything.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../../machines';
import { createHost } from '../../../../utils/background/host';
import { createCaseRepository, indexer } from '../../../../utils/db/cases';
import { openDb, type PanduDb } from '../../../../utils/db/schema';
import { currentAuthor } from '../../../../utils/db/settings';
import {
  checkPayload,
  type ErrorCode,
  MESSAGES,
  type MessageType,
  type Result,
} from '../../../../utils/messaging/protocol';
import { createRouter, type Sender } from '../../../../utils/messaging/router';

const engine = createEngine();
const me = { runtimeId: 'pandu-id', extensionOrigin: 'chrome-extension://pandu-id/' };
const TYPES = Object.keys(MESSAGES) as MessageType[];
/** Every code the protocol defines (the compiler keeps this list whole). */
const CODES: Record<ErrorCode, true> = {
  'invalid-message': true,
  'forbidden-sender': true,
  'unknown-type': true,
  'not-your-case': true,
  'invalid-adapter': true,
  'unknown-adapter': true,
  'builtin-adapter': true,
  managed: true,
  'not-found': true,
  conflict: true,
  rejected: true,
  damaged: true,
  'cannot-open': true,
  quota: true,
  internal: true,
  truncated: true,
  'wrong-format': true,
  'wrong-version': true,
  tampered: true,
  invalid: true,
  'chain-broken': true,
  diverged: true,
};
const ERROR_CODES = new Set(Object.keys(CODES));

/** One host over one database for the whole file: state left by one run is the next run's start. */
const db: PanduDb = openDb({ name: `fuzz-${crypto.randomUUID()}`, indexCase: indexer(engine) });
const repo = createCaseRepository({ db, engine, author: () => currentAuthor(db) });
const pushed: unknown[] = [];
const { handlers } = createHost({
  db,
  engine,
  repo,
  demo: true,
  push: async (_tabId, message) => {
    pushed.push(message);
    return true;
  },
});
const route = createRouter(handlers, me);

afterAll(async () => {
  await db.delete();
});

/** Every table's rows: what "nothing written" is checked against. */
async function everything(): Promise<unknown[]> {
  return Promise.all(db.tables.map((table) => table.toArray()));
}

// Senders ---------------------------------------------------------------------------------------

const ourContentScript = fc.record({
  id: fc.constant(me.runtimeId),
  url: fc.constantFrom('http://127.0.0.1:4000/oss/perizinan/I-1', 'https://oss.go.id/perizinan/I-9'),
  tab: fc.record({ id: fc.nat(1000) }),
  frameId: fc.constant(0),
});
const ourPage = fc.record({
  id: fc.constant(me.runtimeId),
  url: fc.constantFrom(`${me.extensionOrigin}options.html`, `${me.extensionOrigin}sidepanel.html?tab=3`),
});
const ours: fc.Arbitrary<Sender> = fc.oneof(ourContentScript, ourPage);

/** Another extension, a web page, one of our content scripts in a sub-frame, or no identity at all. */
const foreign: fc.Arbitrary<Sender> = fc.oneof(
  fc.record(
    {
      id: fc.oneof(fc.string(), fc.constant('another-extension')).filter((id) => id !== me.runtimeId),
      url: fc.oneof(fc.webUrl(), fc.constant(`${me.extensionOrigin}options.html`)),
      tab: fc.record({ id: fc.nat(1000) }),
      frameId: fc.nat(5),
    },
    { requiredKeys: [] },
  ),
  fc.record({
    id: fc.constant(me.runtimeId),
    url: fc.webUrl(),
    tab: fc.record({ id: fc.nat(1000) }),
    frameId: fc.integer({ min: 1, max: 20 }),
  }),
  fc.record({ id: fc.constant(me.runtimeId), url: fc.webUrl() }, { requiredKeys: ['id'] }),
);

// Messages --------------------------------------------------------------------------------------

/** Any value at all, including prototype-less objects, dates, maps, typed arrays and sparse arrays. */
const anyValue = fc.anything({
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withSparseArray: true,
  withNullPrototype: true,
  withObjectString: true,
});

/** Hostile strings where strings are expected: markup, huge text, path tricks, prototype keys. */
const hostileText = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '<img src=x onerror=alert(1)>',
    '"><script>alert(1)</script>',
    '__proto__',
    'constructor',
    '../../../../etc/passwd',
    '\u0000\u202e',
  ),
  fc.string({ minLength: 5000, maxLength: 70_000 }),
);

/** A known type with a payload of any shape (mostly not its schema). */
const knownTypeAnyPayload = fc.record({
  type: fc.constantFrom(...TYPES),
  payload: fc.oneof(
    anyValue,
    fc.dictionary(hostileText, anyValue),
    fc.constant({ __proto__: { admin: true } }),
  ),
});

/** A known type with hostile contents in the fields its schema names. */
const knownTypeHostileFields = fc.oneof(
  fc.record({ type: fc.constant('page.setup'), payload: fc.record({ url: hostileText }) }),
  fc.record({ type: fc.constant('case.view'), payload: fc.record({ caseId: hostileText }) }),
  fc.record({
    type: fc.constant('backup.import'),
    payload: fc.record({ text: fc.oneof(hostileText, fc.json()) }),
  }),
  fc.record({
    type: fc.constant('adapters.import'),
    payload: fc.record({ text: fc.oneof(hostileText, fc.json()) }),
  }),
  fc.record({ type: fc.constant('adapters.delete'), payload: fc.record({ id: hostileText }) }),
  fc.record({
    type: fc.constant('settings.set'),
    payload: fc.record({ key: fc.constantFrom('officer', 'language', 'dock', 'targets'), value: anyValue }),
  }),
  fc.record({
    type: fc.constant('case.intent'),
    payload: fc.record({
      caseId: hostileText,
      eventId: fc.uuid(),
      intent: fc.record({ type: hostileText, itemId: hostileText }),
    }),
  }),
);

const unknownType = fc.record({
  type: fc.oneof(
    anyValue,
    hostileText.filter((t) => !Object.hasOwn(MESSAGES, t)),
  ),
  payload: anyValue,
});

const RUNS = { numRuns: 150 };

async function routed(message: unknown, sender: Sender): Promise<Result<unknown>> {
  const answer = await route(message, sender);
  // Always an answer of the protocol's shape, never a throw.
  expect(typeof answer.ok).toBe('boolean');
  if (!answer.ok) {
    expect(ERROR_CODES.has(answer.error.code), answer.error.code).toBe(true);
    expect(typeof answer.error.message.id).toBe('string');
    expect(typeof answer.error.message.en).toBe('string');
  }
  return answer;
}

describe('the message router, fuzzed', () => {
  it('refuses every message from a sender that is not ours, and writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(anyValue, knownTypeAnyPayload, knownTypeHostileFields),
        foreign,
        async (m, s) => {
          const before = await everything();
          const answer = await routed(m, s);
          expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
          expect(await everything()).toEqual(before);
        },
      ),
      RUNS,
    );
  });

  it('refuses any value that is not a message of a known type, and writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyValue, unknownType), ours, async (m, s) => {
        const before = await everything();
        const answer = await routed(m, s);
        expect(answer.ok).toBe(false);
        expect(await everything()).toEqual(before);
      }),
      RUNS,
    );
  });

  it('refuses a known type whose payload does not fit its schema, and writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(knownTypeAnyPayload, ours, async (m, s) => {
        fc.pre(!checkPayload(m.type, m.payload).ok);
        const before = await everything();
        const answer = await routed(m, s);
        expect(answer.ok).toBe(false);
        if (!answer.ok) expect(['invalid-message', 'forbidden-sender']).toContain(answer.error.code);
        expect(await everything()).toEqual(before);
      }),
      RUNS,
    );
  });

  it('answers well-formed messages with hostile contents, and a refusal among them writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(knownTypeHostileFields, ours, async (m, s) => {
        const before = await everything();
        const answer = await routed(m, s);
        if (!answer.ok) expect(await everything()).toEqual(before);
      }),
      RUNS,
    );
  });
});
