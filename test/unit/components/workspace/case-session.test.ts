/** The side panel's case session: views fetched when the stored case moves, actions queued, refusals kept. */
import { describe, expect, it, vi } from 'vitest';
import { createCaseSession, type SessionState } from '../../../../components/workspace/case-session';
import type { sendRequest } from '../../../../utils/messaging/client';
import type { CaseState, ProtocolError, Result } from '../../../../utils/messaging/protocol';

const state = (seq: number): CaseState => ({ id: 'c1', seq, view: { caseId: 'c1' } as CaseState['view'] });
const refusal = (code: ProtocolError['code'], text = 'Ditolak'): ProtocolError => ({
  code,
  message: { id: text, en: `${text} (en)` },
});

/** A background with a case at `seq`; `refuse` decides which intents it turns down. */
function background(
  options: { seq?: number; missing?: boolean; refuse?: (n: number) => ProtocolError | null } = {},
) {
  let seq = options.seq ?? 3;
  let intents = 0;
  const calls: { type: string; payload: Record<string, unknown> }[] = [];
  const send = vi.fn(async (type: string, payload: Record<string, unknown>): Promise<Result<unknown>> => {
    calls.push({ type, payload });
    if (options.missing) return { ok: false, error: refusal('not-found', 'Tidak ada') };
    if (type === 'case.view') return { ok: true, data: state(seq) };
    intents++;
    const refused = options.refuse?.(intents) ?? null;
    if (refused) return { ok: false, error: refused };
    seq++;
    return { ok: true, data: { case: state(seq), duplicate: false, retries: 0 } };
  });
  return {
    send: send as unknown as typeof sendRequest,
    calls,
    move: () => ++seq,
    get seq() {
      return seq;
    },
  };
}

function session(bg: ReturnType<typeof background>) {
  const changes: SessionState[] = [];
  let n = 0;
  const s = createCaseSession({
    caseId: 'c1',
    send: bg.send,
    onChange: (next) => changes.push(next),
    newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  });
  return { s, changes };
}

const row = (seq: number, indexedOn = '2026-11-23') => ({ seq, indexedOn });

describe('case session', () => {
  it('fetches the view when the row is first seen and again only when it moved', async () => {
    const bg = background({ seq: 3 });
    const { s } = session(bg);
    await s.seen(row(3));
    expect(s.state.case?.seq).toBe(3);
    await s.seen(row(3));
    expect(bg.calls.filter((c) => c.type === 'case.view')).toHaveLength(1);
    bg.move();
    await s.seen(row(4));
    expect(s.state.case?.seq).toBe(4);
    expect(bg.calls.filter((c) => c.type === 'case.view')).toHaveLength(2);
  });

  it('fetches again on a new day even without a change (the deadline moves with the calendar)', async () => {
    const bg = background({ seq: 3 });
    const { s } = session(bg);
    await s.seen(row(3, '2026-11-23'));
    await s.seen(row(3, '2026-11-24'));
    expect(bg.calls.filter((c) => c.type === 'case.view')).toHaveLength(2);
  });

  it('reports a case that cannot be read', async () => {
    const bg = background({ missing: true });
    const { s } = session(bg);
    await s.seen(null);
    expect(s.state.case).toBeNull();
    expect(s.state.loadError?.code).toBe('not-found');
  });

  it('sends each action once, with its own event id and the seq it was made on, one after another', async () => {
    const bg = background({ seq: 3 });
    const { s, changes } = session(bg);
    await s.seen(row(3));
    const first = s.enqueue({ type: 'checklist.tick', itemId: 'a' });
    const second = s.enqueue({ type: 'checklist.tick', itemId: 'b' });
    expect(s.state.busy).toBe(true);
    await Promise.all([first, second]);
    const intents = bg.calls.filter((c) => c.type === 'case.intent').map((c) => c.payload);
    expect(intents.map((p) => [p.expectedSeq, (p.intent as { itemId: string }).itemId])).toEqual([
      [3, 'a'],
      [4, 'b'],
    ]);
    expect(new Set(intents.map((p) => p.eventId)).size).toBe(2);
    expect(s.state).toMatchObject({ busy: false, error: null });
    expect(s.state.case?.seq).toBe(5);
    expect(changes.some((c) => c.busy)).toBe(true);
  });

  it('keeps a refusal to show, with the case as it is now, and clears it on the next action', async () => {
    const bg = background({
      seq: 3,
      refuse: (n) => (n === 1 ? refusal('rejected', 'Butir belum lengkap') : null),
    });
    const { s } = session(bg);
    await s.seen(row(3));
    await s.enqueue({ type: 'step.complete', stepId: 's' });
    expect(s.state.error?.message.id).toBe('Butir belum lengkap');
    expect(s.state.case?.seq).toBe(3);
    // After the refusal the session read the case again.
    expect(bg.calls.at(-1)?.type).toBe('case.view');
    await s.enqueue({ type: 'checklist.tick', itemId: 'a' });
    expect(s.state.error).toBeNull();
  });

  it('resends once with the same event id when the background answered `internal`', async () => {
    const bg = background({ seq: 3, refuse: (n) => (n === 1 ? refusal('internal') : null) });
    const { s } = session(bg);
    await s.seen(row(3));
    await s.enqueue({ type: 'checklist.tick', itemId: 'a' });
    const intents = bg.calls.filter((c) => c.type === 'case.intent').map((c) => c.payload.eventId);
    expect(intents).toHaveLength(2);
    expect(intents[0]).toBe(intents[1]);
    expect(s.state.error).toBeNull();
  });

  it('never goes back to an older state, and does nothing before a case is shown', async () => {
    const bg = background({ seq: 3 });
    const { s } = session(bg);
    await s.enqueue({ type: 'checklist.tick', itemId: 'a' });
    expect(bg.calls).toHaveLength(0);
    await s.seen(row(3));
    bg.move();
    await s.seen(row(4));
    await s.seen(row(2));
    expect(s.state.case?.seq).toBe(4);
  });

  it('changes nothing after it was closed', async () => {
    const bg = background({ seq: 3 });
    const { s, changes } = session(bg);
    s.close();
    await s.seen(row(3));
    expect(changes).toHaveLength(0);
  });
});
