/**
 * An agency's policy in real Chromium: the test writes a policy file where Chromium on Linux
 * reads machine policy (/etc/chromium/policies/managed, as an agency's configuration management
 * would; it needs root, as CI has), for a copy of the demo build whose extension id no other
 * test uses, and removes the file at the end. Chromium checks it against our managed schema and
 * hands it to the extension through storage.managed; the extension checks it again.
 * docs/deployment.md describes the same for Chrome, Edge and Firefox.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchWithExtension } from '../../scripts/lib/launch';
import { PORTAL_PATHS } from '../fixtures/portal/routes';
import { seriousViolations } from './axe';
import { ossFiveItemCases } from './cases';
import { expect, test } from './fixtures';
import { OverlayPanel } from './pages/overlay';

const built = fileURLToPath(new URL('../../.output/chrome-mv3-demo', import.meta.url));
const POLICY_DIR = '/etc/chromium/policies/managed';
const example = (name: string) =>
  readFileSync(new URL(`../../docs/examples/${name}`, import.meta.url), 'utf8');

/** Chromium's id for an unpacked extension: its folder's path, hashed, written in a–p. */
function unpackedId(path: string): string {
  const hex = createHash('sha256').update(path).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + Number.parseInt(c, 16))).join('');
}

// Removed after the test even when it times out (the test body is abandoned then).
const cleanUp: (() => Promise<void> | void)[] = [];
test.afterEach(async () => {
  for (const step of cleanUp.splice(0).reverse()) await step();
});

test('a machine policy sets language, region, adapters and holidays, locks what it names, and the officer sees why', async ({
  portal,
}) => {
  test.setTimeout(90_000);
  expect(existsSync(`${built}/manifest.json`), 'run `npm run build:demo` first').toBe(true);
  const dir = mkdtempSync(join(tmpdir(), 'pandu-policy-'));
  cleanUp.push(() => rmSync(dir, { recursive: true, force: true }));
  const extensionDir = join(dir, 'extension');
  cpSync(built, extensionDir, { recursive: true });
  const id = unpackedId(extensionDir);
  const file = join(POLICY_DIR, `pandu-izin-e2e-${id}.json`);
  cleanUp.push(() => rmSync(file, { force: true }));
  const writePolicy = (policy: object) =>
    writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [id]: policy } } }));
  const policy = {
    ...(JSON.parse(example('policy.json')) as object),
    language: 'en',
    // Fits Chromium's schema (two digits) but is no province: ours refuses it, and says so.
    region: '99',
  };
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    writePolicy(policy);
  } catch (err) {
    throw new Error(
      `This test writes a Chromium machine policy to ${POLICY_DIR}, which needs root (CI runs as root): ${err}`,
    );
  }
  const launched = await launchWithExtension({ extensionDir, headless: true });
  cleanUp.push(() => launched.close());
  expect(launched.extensionId).toBe(id);
  const { context } = launched;

  // Options: the managed section, the problem with the region, the locks.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${id}/options.html`);
  const section = options.getByTestId('managed-section');
  await expect(section.getByRole('heading', { name: 'Managed by your agency' })).toBeVisible();
  await expect(section.getByTestId('managed-row')).toHaveText([
    /Language\s*English/,
    /Output targets.*Steps completed 20/,
    /Agency's adapters\s*simpel-kota-contoh/,
    /Adapters switched off\s*simbg/,
    /Added holiday years\s*2027/,
    /Portal origins allowed.*https:\/\/\*\.kotacontoh\.go\.id/,
    /Locked settings\s*Officer identity, Output targets, Portal adapters/,
  ]);
  await expect(options.getByTestId('managed-problems')).toContainText(
    'region: not a known BPS province code',
  );
  await expect(options.getByTestId('options-language')).toHaveAttribute('aria-disabled', 'true');
  await expect(options.getByTestId('options-language-managed')).toHaveText("Set by your agency's policy.");
  await expect(options.getByTestId('locked-officer').getByTestId('officer-name')).toBeDisabled();
  await expect(options.getByTestId('locked-adapters')).toContainText("locked by your agency's policy");
  const managedRow = options.locator('[data-testid="adapter-row"][data-adapter-id="simpel-kota-contoh"]');
  await expect(managedRow).toHaveAttribute('data-origin', 'managed');
  const simbg = options.locator('[data-testid="adapter-row"][data-adapter-id="simbg"]');
  await expect(simbg.getByTestId('adapter-policy')).toHaveText("Switched off by your agency's policy");
  expect(await seriousViolations(options)).toEqual([]);

  // A portal page: the overlay speaks the policy's language and its switch says why it stays.
  const page = await context.newPage();
  const caseRef = ossFiveItemCases(portal.today)[0];
  await page.goto(`${portal.url}${PORTAL_PATHS.oss.detail(caseRef)}`);
  const overlay = new OverlayPanel(page);
  await expect(overlay.root).toHaveAttribute('lang', 'en');
  await expect(overlay.languageToggle).toHaveAttribute(
    'aria-label',
    "The language is set by your agency's policy",
  );
  // From the keyboard (a click waits for it to be enabled, which it says it is not).
  await overlay.languageToggle.focus();
  await page.keyboard.press('Enter');
  await expect(overlay.root).toHaveAttribute('lang', 'en');

  // The policy changes while the browser runs: Chromium reloads it, the extension follows,
  // and the open overlay switches language where it stands.
  writePolicy({ ...policy, language: 'id', region: '31' });
  const policies = await context.newPage();
  await policies.goto('chrome://policy');
  await policies.locator('#reload-policies').click();
  await expect(overlay.root).toHaveAttribute('lang', 'id', { timeout: 15_000 });
  await options.bringToFront();
  await expect(options.getByTestId('managed-problems')).toHaveCount(0);
  await expect(section.getByTestId('managed-row').first()).toContainText('Provinsi');
});
