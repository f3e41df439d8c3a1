/**
 * Built-in adapters for the three portals, modelled on DOMAIN.md §9 and written against the
 * demo portal (test/fixtures/portal). They are data (adapters/*.json) in the same format an
 * agency imports, checked by the same validator when loaded: a broken built-in fails the build's
 * tests, never an officer's page.
 */

import ossRba from './adapters/oss-rba.json';
import sicantik from './adapters/sicantik.json';
import simbg from './adapters/simbg.json';
import type { PortalAdapter } from './schema';
import { parseAdapterOrThrow } from './schema';

export const BUILTIN_ADAPTERS: readonly PortalAdapter[] = [sicantik, ossRba, simbg].map((json) =>
  parseAdapterOrThrow(json),
);

/** Ids of the built-in adapters (an imported adapter may not take one). */
export const BUILTIN_IDS: ReadonlySet<string> = new Set(BUILTIN_ADAPTERS.map((a) => a.id));
