/**
 * One case as an extension page works on it, apart from the DOM so it can be tested: the
 * background's view of the case, the last refusal, and a queue of the officer's actions.
 *
 * The page reads the case row live from Dexie; when its `seq` moves (an action here, in a
 * portal tab, in another window) the session asks the background for the new view model
 * (`case.view`: the background owns the engine's view). Actions go out one after another as
 * `case.intent`, each against the newest state, with its own event id so a resent message is
 * applied once.
 */
import type { Intent } from '../../utils/db/cases';
import type { sendRequest } from '../../utils/messaging/client';
import type { CaseState, ProtocolError } from '../../utils/messaging/protocol';

export interface SessionState {
  case: CaseState | null;
  /** Why the case could not be read (nothing to show). */
  loadError: ProtocolError | null;
  /** Why the last action was refused (the case is still shown). */
  error: ProtocolError | null;
  busy: boolean;
}

export interface CaseSessionOptions {
  caseId: string;
  send: typeof sendRequest;
  onChange: (state: SessionState) => void;
  newId?: () => string;
}

export const EMPTY_SESSION: SessionState = { case: null, loadError: null, error: null, busy: false };

export function createCaseSession(options: CaseSessionOptions) {
  const { caseId, send } = options;
  const newId = options.newId ?? (() => crypto.randomUUID());
  let state: SessionState = EMPTY_SESSION;
  let queue: Promise<void> = Promise.resolve();
  let pending = 0;
  let closed = false;
  // The local date the row was last indexed for, as last seen.
  let indexedOn: string | null = null;

  const update = (next: Partial<SessionState>) => {
    if (closed) return;
    state = { ...state, ...next };
    options.onChange(state);
  };

  /** Takes a case state unless an equal or newer one is shown. */
  function adopt(incoming: CaseState): void {
    if (incoming.id !== caseId) return;
    if (state.case && incoming.seq < state.case.seq) return;
    update({ case: incoming, loadError: null });
  }

  async function refresh(): Promise<void> {
    const answer = await send('case.view', { caseId });
    if (answer.ok) adopt(answer.data);
    else if (!state.case) update({ loadError: answer.error });
  }

  async function act(intent: Intent): Promise<void> {
    const current = state.case;
    if (!current || closed) return;
    update({ error: null });
    const request = { caseId, eventId: newId(), expectedSeq: current.seq, intent };
    let answer = await send('case.intent', request);
    // A worker that was restarting answers `internal` once: the same event id makes a resend safe.
    if (!answer.ok && answer.error.code === 'internal') answer = await send('case.intent', request);
    if (answer.ok) {
      adopt(answer.data.case);
      return;
    }
    update({ error: answer.error });
    // A conflict or refusal: show what the case looks like now.
    await refresh();
  }

  return {
    get state(): SessionState {
      return state;
    },

    /**
     * The stored row as the live query sees it (null: no such case). Fetches the view the
     * first time, whenever the row moved past what is shown, and when the background
     * re-indexed it for a new day (the SLA moves with the calendar).
     */
    seen(row: { seq: number; indexedOn: string } | null): Promise<void> {
      if (!row) return state.case || state.loadError ? Promise.resolve() : refresh();
      const dayChanged = indexedOn !== null && row.indexedOn !== indexedOn;
      indexedOn = row.indexedOn;
      if (state.case && state.case.seq >= row.seq && !dayChanged) return Promise.resolve();
      return refresh();
    },

    /** Queues an officer's action; resolves when it has been answered. */
    enqueue(intent: Intent): Promise<void> {
      if (!state.case) return Promise.resolve();
      pending++;
      update({ busy: true });
      queue = queue
        .then(() => act(intent))
        .catch((err: unknown) => console.debug('[Pandu Izin] action not sent:', err))
        .finally(() => {
          pending--;
          update({ busy: pending > 0 });
        });
      return queue;
    },

    /** The page moved on to another case: later answers change nothing. */
    close(): void {
      closed = true;
    },
  };
}
