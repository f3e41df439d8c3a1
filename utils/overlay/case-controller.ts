/**
 * The state behind the portal panel, apart from the DOM so it can be tested: the page view,
 * the last refusal, and a queue of the officer's actions. Actions run one after another, each
 * against the newest state; a state arriving by push or answer is adopted only when it is newer.
 */
import type { Intent } from '../db/cases';
import type { sendRequest } from '../messaging/client';
import type { CaseState, PageView, ProtocolError, Result } from '../messaging/protocol';

export interface PanelState {
  view: PageView | null;
  error: ProtocolError | null;
  /** Actions are waiting for the background. */
  busy: boolean;
}

export interface CaseControllerOptions {
  send: typeof sendRequest;
  /** Called after every change of state. */
  onChange: (state: PanelState) => void;
  newId?: () => string;
}

const EMPTY: PanelState = { view: null, error: null, busy: false };

export function createCaseController(options: CaseControllerOptions) {
  const newId = options.newId ?? (() => crypto.randomUUID());
  let state: PanelState = EMPTY;
  let queue: Promise<void> = Promise.resolve();
  let pending = 0;
  // Bumped when the page changes, so actions queued for the previous page are dropped.
  let generation = 0;

  const update = (next: Partial<PanelState>) => {
    state = { ...state, ...next };
    options.onChange(state);
  };

  /** Takes a case state if it is the case shown and not older than what is shown. */
  function adopt(incoming: CaseState): void {
    const current = state.view?.case;
    if (!state.view || !current || current.id !== incoming.id || incoming.seq < current.seq) return;
    update({ view: { ...state.view, case: incoming } });
  }

  async function act(caseId: string, intent: Intent, mine: number): Promise<void> {
    const current = state.view?.case;
    // The officer may have moved on to another page while this waited.
    if (mine !== generation || current?.id !== caseId) return;
    update({ error: null });
    // One id per action: if the worker was restarting and the message is sent again, the
    // background applies it once.
    const request = { caseId, eventId: newId(), expectedSeq: current.seq, intent };
    let answer = await options.send('case.intent', request);
    if (!answer.ok && answer.error.code === 'internal') answer = await options.send('case.intent', request);
    if (mine !== generation) return;
    if (answer.ok) {
      adopt(answer.data.case);
      return;
    }
    update({ error: answer.error });
    // A conflict or refusal: show what the case looks like now.
    const fresh = await options.send('case.view', { caseId });
    if (fresh.ok && mine === generation) adopt(fresh.data);
  }

  return {
    get state(): PanelState {
      return state;
    },

    /** A new page: forget the old view and any actions still queued for it. */
    reset(): void {
      generation++;
      pending = 0;
      queue = Promise.resolve();
      state = EMPTY;
    },

    /** The background's answer to the page report. */
    show(answer: Result<PageView>): void {
      update(
        answer.ok
          ? { view: answer.data, error: null, busy: false }
          : { view: null, error: answer.error, busy: false },
      );
    },

    adopt,

    /** Queues an officer's action on the case shown; resolves when it has been answered. */
    enqueue(intent: Intent): Promise<void> {
      const caseId = state.view?.case?.id;
      if (!caseId) return Promise.resolve();
      const mine = generation;
      pending++;
      update({ busy: true });
      queue = queue
        .then(() => act(caseId, intent, mine))
        .catch((err: unknown) => console.debug('[Pandu Izin] action not sent:', err))
        .finally(() => {
          if (mine !== generation) return;
          pending--;
          update({ busy: pending > 0 });
        });
      return queue;
    },
  };
}
