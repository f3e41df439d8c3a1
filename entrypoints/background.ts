/**
 * Background: the engine host. Stateless between messages (MV3 stops idle workers), so
 * every answer is computed from the message and durable data only.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { buildCaseView } from '../utils/background/case-view';
import { createRouter } from '../utils/messaging/router';

export default defineBackground(() => {
  const route = createRouter(
    { 'page.recognised': (page) => buildCaseView(page) },
    { runtimeId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') },
  );
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
});
