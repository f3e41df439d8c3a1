// @vitest-environment happy-dom
/**
 * The build-time patches to bundled libraries (scripts/lib/vendor-patches.ts), applied to the
 * installed files: each applies, leaves no sink, and a library that changed fails loudly.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { runInThisContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { patchVendorFile, VENDOR_FILES } from '../../../scripts/lib/vendor-patches';

const require = createRequire(import.meta.url);
const PACKAGES: Record<string, string> = { preact: 'preact', fontkit: '@pdf-lib/fontkit' };

/** The installed file a browser build takes from the package (its `exports`, else `module`). */
function installed(name: string) {
  const manifest = require.resolve(`${PACKAGES[name] ?? name}/package.json`);
  const json = JSON.parse(readFileSync(manifest, 'utf8'));
  const path = join(dirname(manifest), json.exports?.['.']?.default ?? json.module);
  return { path, code: readFileSync(path, 'utf8') };
}
const preactFile = installed('preact');

/** Runs Preact's module file (no imports, one `export{…}` at its end) as a script, here. */
function runPreact(code: string) {
  const exported = /export\{([^}]*)\};?\s*(?:\/\/# sourceMappingURL=\S+\s*)?$/.exec(code);
  if (!exported?.[1]) throw new Error('preact.mjs no longer ends with one export list');
  const names = exported[1].split(',').map((pair) => pair.trim().replace(/^(\S+) as (\S+)$/, '$2: $1'));
  return runInThisContext(`(() => {${code.slice(0, exported.index)}; return { ${names.join(', ')} }; })()`);
}

describe('vendor patches', () => {
  for (const [name, file] of Object.entries(VENDOR_FILES)) {
    it(`${name}: the installed file has each patched piece once and none of the sinks once patched`, () => {
      const { path, code } = installed(name);
      expect(path).toMatch(file.id);
      expect(code).toMatch(file.forbidden);
      expect(patchVendorFile(name, file, code)).not.toMatch(file.forbidden);
    });

    it(`${name}: a changed library fails the patch, naming it`, () => {
      const { code } = installed(name);
      const find = file.patches[0]?.find ?? '';
      expect(() => patchVendorFile(name, file, code.replace(find, '/* changed */'))).toThrow(
        new RegExp(`${name} patch 1 expects its code once and found it 0 times`),
      );
      expect(() => patchVendorFile(name, file, `${code}\n${find}`)).toThrow(/found it 2 times/);
    });
  }

  it('fails when a sink is left after patching', () => {
    const file = VENDOR_FILES.preact;
    if (!file) throw new Error('no preact entry');
    expect(() => patchVendorFile('preact', file, `${preactFile.code}\nel.innerHTML = x;`)).toThrow(
      /preact still contains "innerHTML" after patching/,
    );
  });

  it('preact, patched, renders as before and refuses dangerouslySetInnerHTML', () => {
    const file = VENDOR_FILES.preact;
    if (!file) throw new Error('no preact entry');
    const { h, render } = runPreact(patchVendorFile('preact', file, preactFile.code));
    const root = document.createElement('div');
    render(h('p', { title: 'a' }, '<b>text</b>'), root);
    expect(root.innerHTML).toBe('<p title="a">&lt;b&gt;text&lt;/b&gt;</p>');
    expect(() => render(h('p', { dangerouslySetInnerHTML: { __html: '<b>x</b>' } }), root)).toThrow(
      /dangerouslySetInnerHTML is disabled in Pandu Izin builds/,
    );
    expect(root.querySelector('b')).toBeNull();

    // The same harness with the file as published does write the markup: the branch patched is
    // the one that runs.
    const published = runPreact(preactFile.code);
    const other = document.createElement('div');
    published.render(published.h('p', { dangerouslySetInnerHTML: { __html: '<b>x</b>' } }), other);
    expect(other.querySelector('b')?.textContent).toBe('x');
  });
});
