/**
 * The background's single entry for messages: checks the sender, the message type and the
 * payload before any handler runs. A refused message changes nothing and gets a typed error.
 */
import { bilingual } from '../i18n';
import {
  CONTENT_SCRIPT_TYPES,
  isMessageType,
  type MessageType,
  PAYLOAD_CHECKS,
  type ProtocolError,
  type RequestOf,
  type ResponseOf,
  type Result,
} from './protocol';

/** The parts of `runtime.MessageSender` the router relies on. */
export interface Sender {
  id?: string;
  url?: string;
  tab?: unknown;
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
  if (sender.tab) return 'content-script';
  return null;
}

const refuse = (error: ProtocolError): Result<never> => ({ ok: false, error });

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
        message: bilingual('error.unknownType', { type: String(type).slice(0, 64) }),
      });
    }
    if (kind === 'content-script' && !CONTENT_SCRIPT_TYPES.has(type)) {
      return refuse({ code: 'forbidden-sender', message: bilingual('error.forbiddenSender') });
    }
    const payload = (message as { payload?: unknown }).payload;
    const problem = PAYLOAD_CHECKS[type](payload);
    if (problem)
      return refuse({
        code: 'invalid-message',
        message: bilingual('error.invalidMessage', { detail: problem }),
      });
    try {
      const handler = handlers[type] as (p: unknown, f: { kind: SenderKind; sender: Sender }) => unknown;
      return { ok: true, data: await handler(payload, { kind, sender }) };
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      return refuse({ code: 'internal', message: bilingual('error.internal', { detail }) });
    }
  };
}
