/**
 * The options page: the officer's identity, language and dock side (shared live with every
 * view), the supervisor's output targets, portal adapters, what this browser holds and
 * backups. Each section is its own component under components/options/; this file wires them
 * to the database, the background and the browser's permission API (all injectable for tests).
 */
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useLiveQuery } from '../utils/db/live';
import { usePrefs } from '../utils/db/prefs';
import type { PanduDb } from '../utils/db/schema';
import { tOptions } from '../utils/i18n/options';
import { sendRequest } from '../utils/messaging/client';
import { isLocked } from '../utils/policy/apply';
import { readStoredPolicy } from '../utils/policy/store';
import { LanguageToggle } from './LanguageToggle';
import { AdaptersSection } from './options/AdaptersSection';
import type { PermissionsApi } from './options/adapters';
import { BackupSection, DataSection } from './options/BackupSection';
import { DisplaySection } from './options/DisplaySection';
import { IdentitySection } from './options/IdentitySection';
import { KeysSection } from './options/KeysSection';
import { hasPolicy, Locked, ManagedSection } from './options/ManagedSection';
import { TargetsSection } from './options/TargetsSection';

export interface OptionsPageProps {
  db: PanduDb;
  send?: typeof sendRequest;
  /** Saves a file for the officer (a download link by default). */
  save?: (fileName: string, text: string) => void;
  /** Host permissions for imported adapters (the browser's by default). */
  permissions?: PermissionsApi;
}

function downloadText(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const browserPermissions: PermissionsApi = {
  contains: (p) => browser.permissions.contains(p),
  request: (p) => browser.permissions.request(p),
};

export function OptionsPage({
  db,
  send = sendRequest,
  save = downloadText,
  permissions = browserPermissions,
}: OptionsPageProps) {
  const [prefs, changePrefs] = usePrefs(db, send);
  const lang = prefs.language;
  // The agency's policy, as the background mirrored it (null: none was ever read).
  const stored = useLiveQuery(() => readStoredPolicy(db), [db]) ?? null;
  const policy = stored?.policy ?? {};

  // The document's language and title follow too (screen readers read by `lang`).
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = tOptions(lang, 'options.title');
  }, [lang]);

  return (
    <main class="pi-options" lang={lang}>
      <header class="pi-options-header">
        <h1>{tOptions(lang, 'options.title')}</h1>
        <LanguageToggle
          lang={lang}
          onChange={(language) => void changePrefs({ language })}
          testId="options-language"
          locked={prefs.locked?.includes('language')}
        />
      </header>
      {hasPolicy(stored) ? <ManagedSection lang={lang} stored={stored} /> : null}
      <Locked locked={isLocked(policy, 'officer')} lang={lang} name="officer">
        <IdentitySection lang={lang} send={send} regionManaged={policy.region !== undefined} />
      </Locked>
      <KeysSection lang={lang} db={db} />
      <DisplaySection prefs={prefs} change={changePrefs} />
      <Locked locked={isLocked(policy, 'targets')} lang={lang} name="targets">
        <TargetsSection lang={lang} send={send} />
      </Locked>
      <Locked locked={isLocked(policy, 'adapters')} lang={lang} name="adapters">
        <AdaptersSection lang={lang} send={send} permissions={permissions} />
      </Locked>
      <DataSection db={db} lang={lang} />
      <BackupSection lang={lang} send={send} save={save} />
    </main>
  );
}
