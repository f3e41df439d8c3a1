import { describe, expect, it, vi } from 'vitest';
import type { CaseView } from '../../../../machines';
import type { CaseState, PageView, ProtocolError, Result } from '../../../../utils/messaging/protocol';
import { createCaseController, type PanelState } from '../../../../utils/overlay/case-controller';

const caseState = (seq: number, id = 'oss-rba:I-1'): CaseState => ({
  id,
  seq,
  view: { caseId: id } as unknown as CaseView,
});

const pageView = (state: CaseState | null): PageView => ({
  portal: { id: 'oss-rba', name: 'OSS RBA' },
  caseRef: 'I-1',
  permit: { id: 'oss-rba', label: 'Izin', name: { id: 'OSS RBA', en: 'OSS RBA' } },
  missing: [],
  notice: null,
  case: state,
  status: null,
  applicant: null,
  documents: [],
});

const refusal = (code: ProtocolError['code']): Result<never> => ({
  ok: false,
  error: { code, message: { id: `kode ${code}`, en: `code ${code}` } },
});

type Call = {
  type: string;
  payload: { eventId?: string; expectedSeq?: number; intent?: { itemId?: string } };
};

/** A fake background: `answers[type]` is a queue of answers (the last one repeats). */
function fakeBackground(answers: Record<string, Array<(call: Call) => Result<unknown>>>) {
  const calls: Call[] = [];
  const send = vi.fn(async (type: string, payload: unknown) => {
    const call = { type, payload } as Call;
    calls.push(call);
    const queue = answers[type] ?? [];
    const answer = queue.length > 1 ? queue.shift() : queue[0];
    if (!answer) throw new Error(`no answer for ${type}`);
    await Promise.resolve();
    return answer(call);
  });
  return { send: send as never, calls };
}

function setup(answers: Parameters<typeof fakeBackground>[0]) {
  const background = fakeBackground(answers);
  const states: PanelState[] = [];
  let n = 0;
  const controller = createCaseController({
    send: background.send,
    onChange: (s) => states.push(s),
    newId: () => `id-${++n}`,
  });
  controller.show({ ok: true, data: pageView(caseState(0)) });
  return { controller, calls: background.calls, states };
}

const tick = (itemId: string) => ({ type: 'checklist.tick' as const, itemId });

describe('the panel controller', () => {
  it('sends actions one after another, each on the newest state', async () => {
    let seq = 0;
    const { controller, calls } = setup({
      'case.intent': [() => ({ ok: true, data: { case: caseState(++seq), duplicate: false, retries: 0 } })],
    });
    const first = controller.enqueue(tick('a'));
    const second = controller.enqueue(tick('b'));
    expect(controller.state.busy).toBe(true);
    await Promise.all([first, second]);
    expect(calls.map((c) => [c.payload.intent?.itemId, c.payload.expectedSeq])).toEqual([
      ['a', 0],
      ['b', 1],
    ]);
    expect(controller.state.view?.case?.seq).toBe(2);
    expect(controller.state.busy).toBe(false);
  });

  it('adopts only newer states of the case it shows', () => {
    const { controller } = setup({});
    controller.adopt(caseState(3));
    controller.adopt(caseState(2));
    controller.adopt(caseState(9, 'oss-rba:another'));
    expect(controller.state.view?.case?.seq).toBe(3);
  });

  it('resends once with the same event id when the worker did not answer', async () => {
    const { controller, calls } = setup({
      'case.intent': [
        () => refusal('internal'),
        () => ({ ok: true, data: { case: caseState(1), duplicate: true, retries: 0 } }),
      ],
    });
    await controller.enqueue(tick('a'));
    expect(calls.map((c) => c.payload.eventId)).toEqual(['id-1', 'id-1']);
    expect(controller.state).toMatchObject({ error: null, view: { case: { seq: 1 } } });
  });

  it('shows a conflict and what the case looks like now', async () => {
    const { controller, calls } = setup({
      'case.intent': [() => refusal('conflict')],
      'case.view': [() => ({ ok: true, data: caseState(4) })],
    });
    await controller.enqueue(tick('a'));
    expect(calls.map((c) => c.type)).toEqual(['case.intent', 'case.view']);
    expect(controller.state).toMatchObject({
      error: { code: 'conflict' },
      busy: false,
      view: { case: { seq: 4 } },
    });
  });

  it('clears the last refusal when the next action starts', async () => {
    const { controller } = setup({
      'case.intent': [
        () => refusal('rejected'),
        () => ({ ok: true, data: { case: caseState(1), duplicate: false, retries: 0 } }),
      ],
      'case.view': [() => ({ ok: true, data: caseState(0) })],
    });
    await controller.enqueue(tick('a'));
    expect(controller.state.error?.code).toBe('rejected');
    await controller.enqueue(tick('b'));
    expect(controller.state.error).toBeNull();
  });

  it('drops actions queued for a page the officer has left, even when it comes back to the same case', async () => {
    const { controller, calls } = setup({
      'case.intent': [() => ({ ok: true, data: { case: caseState(1), duplicate: false, retries: 0 } })],
    });
    const left = [controller.enqueue(tick('a')), controller.enqueue(tick('b'))];
    controller.reset();
    controller.show({ ok: true, data: pageView(caseState(0)) });
    await Promise.all(left);
    await controller.enqueue(tick('c'));
    expect(calls.map((c) => c.payload.intent?.itemId)).toEqual(['c']);
    expect(controller.state.busy).toBe(false);
  });

  it('does nothing for a page without a case', async () => {
    const { controller, calls } = setup({});
    controller.show({ ok: true, data: pageView(null) });
    await controller.enqueue(tick('a'));
    expect(calls).toEqual([]);
    expect(controller.state.busy).toBe(false);
  });

  it('shows a failed page report as an error without a view', () => {
    const { controller, states } = setup({});
    controller.show(refusal('internal'));
    expect(states.at(-1)).toEqual({
      view: null,
      error: { code: 'internal', message: expect.any(Object) },
      busy: false,
    });
  });
});
