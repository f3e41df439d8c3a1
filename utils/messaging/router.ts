/**
 * The background's single entry for messages: checks the sender, the message type and the
 * payload before any handler runs. A refused message changes nothing and gets a typed error.
 */
import { bilingual } from '../i18n';
import {
  CONTENT_SCRIPT_TYPES,
  checkPayload,
  isMessageType,
  type MessageType,
  type ProtocolError,
  Refusal,
  type RequestOf,
  type ResponseOf,
  type Result,
} from './protocol';

/** The parts of `runtime.MessageSender` the router relies on. */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

export type SenderKind = 'content-script' | 'extension-page';

export type Handlers = {
  [K in MessageType]: (
    payload: RequestOf<K>,
    from: { kind: SenderKind; sender: Sender },
  ) => ResponseOf<K> | Promise<ResponseOf<K>>;
};

export interface RouterIdentity {
  /** `browser.runtime.id` */
  runtimeId: string;
  /** `browser.runtime.getURL('/')`, e.g. chrome-extension://abc/ */
  extensionOrigin: string;
}

/** Who sent this: one of our content scripts, one of our pages, or nobody we answer. */
export function classifySender(sender: Sender, me: RouterIdentity): SenderKind | null {
  if (sender.id !== me.runtimeId) return null;
  if (sender.url?.startsWith(me.extensionOrigin)) return 'extension-page';
  // Our content script runs in the top frame only, and views are bound to their tab.
  if (typeof sender.tab?.id === 'number' && (sender.frameId ?? 0) === 0) return 'content-script';
  return null;
}

const refuse = (error: ProtocolError): Result<never> => ({ ok: false, error });

/**
 * An unknown type as the error names it: a string (cut short), else only its kind. `String()`
 * of a value without a prototype throws, and the router must answer whatever arrives.
 */
function describeType(type: unknown): string {
  return typeof type === 'string' ? type.slice(0, 64) : `(${type === null ? 'null' : typeof type})`;
}

/** Builds the `runtime.onMessage` handler body. */
export function createRouter(handlers: Handlers, me: RouterIdentity) {
  return async (message: unknown, sender: Sender): Promise<Result<unknown>> => {
    const kind = classifySender(sender, me);
    if (!kind) return refuse({ code: 'forbidden-sender', message: bilingual('error.forbiddenSender') });
    const type =
      typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
    if (!isMessageType(type)) {
      return refuse({
        code: 'unknown-type',
        message: bilingual('error.unknownType', { type: describeType(type) }),
      });
    }
    if (kind === 'content-script' && !CONTENT_SCRIPT_TYPES.has(type)) {
      return refuse({ code: 'forbidden-sender', message: bilingual('error.forbiddenSender') });
    }
    const checked = checkPayload(type, (message as { payload?: unknown }).payload);
    if (!checked.ok)
      return refuse({
        code: 'invalid-message',
        message: bilingual('error.invalidMessage', { detail: checked.problem }),
      });
    const payload = checked.value;
    try {
      const handler = handlers[type] as (p: unknown, f: { kind: SenderKind; sender: Sender }) => unknown;
      return { ok: true, data: await handler(payload, { kind, sender }) };
    } catch (err) {
      if (err instanceof Refusal) return refuse(err.error);
      const detail = err instanceof Error ? err.message : String(err);
      return refuse({ code: 'internal', message: bilingual('error.internal', { detail }) });
    }
  };
}
