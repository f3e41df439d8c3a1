/**
 * Sending side of the protocol, for content scripts and extension pages. Always resolves to
 * a Result: a background that is gone or answers nonsense becomes a typed error, never a throw.
 */
import { browser } from 'wxt/browser';
import { bilingual } from '../i18n';
import type { Message, MessageType, RequestOf, ResponseOf, Result } from './protocol';

export async function sendRequest<T extends MessageType>(
  type: T,
  payload: RequestOf<T>,
): Promise<Result<ResponseOf<T>>> {
  const message: Message<T> = { type, payload };
  try {
    const answer: unknown = await browser.runtime.sendMessage(message);
    if (typeof answer === 'object' && answer !== null && 'ok' in answer) {
      return answer as Result<ResponseOf<T>>;
    }
  } catch {
    // Fall through: an invalidated context or a missing background is reported below.
  }
  return { ok: false, error: { code: 'internal', message: bilingual('error.noAnswer') } };
}
