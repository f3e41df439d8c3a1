/**
 * The agency policy's schema ships with the Chrome build (production builds; `npm test` builds
 * before this runs): the manifest points to it and it is the one utils/policy/managed-schema.ts
 * defines. Firefox has no such key (it reads policies.json without a schema).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MANAGED_SCHEMA } from '../../../utils/policy/managed-schema';

const output = fileURLToPath(new URL('../../../.output', import.meta.url));
const read = (build: string, file: string) => JSON.parse(readFileSync(join(output, build, file), 'utf8'));

describe('the managed-policy schema in the builds', () => {
  it('Chrome: the manifest names managed_schema.json, and it is ours', () => {
    const manifest = read('chrome-mv3', 'manifest.json');
    expect(manifest.storage).toEqual({ managed_schema: 'managed_schema.json' });
    expect(read('chrome-mv3', 'managed_schema.json')).toEqual(JSON.parse(JSON.stringify(MANAGED_SCHEMA)));
  });

  it('Firefox: no schema key and no schema file (web-ext lint would flag the key)', () => {
    expect(read('firefox-mv3', 'manifest.json').storage).toBeUndefined();
    expect(existsSync(join(output, 'firefox-mv3', 'managed_schema.json'))).toBe(false);
  });

  it('Firefox: the add-on id the deployment example configures is the build’s', () => {
    const gecko = read('firefox-mv3', 'manifest.json').browser_specific_settings.gecko.id;
    const example = JSON.parse(
      readFileSync(new URL('../../../docs/examples/firefox-policies.json', import.meta.url), 'utf8'),
    );
    expect(Object.keys(example.policies['3rdparty'].Extensions)).toEqual([gecko]);
    expect(Object.keys(example.policies.ExtensionSettings)).toEqual([gecko]);
  });
});
