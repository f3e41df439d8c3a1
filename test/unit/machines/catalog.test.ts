import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPermitType, isPermitTypeId, PERMIT_TYPE_IDS, PERMIT_TYPES } from '../../../machines';

const machinesDir = new URL('../../../machines/', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('permit types', () => {
  it('lists every catalog id exactly once, each with both names and a source', () => {
    expect(PERMIT_TYPES.map((p) => p.id).sort()).toEqual([...PERMIT_TYPE_IDS].sort());
    for (const permit of PERMIT_TYPES) {
      expect(permit.name.id.trim(), permit.id).not.toBe('');
      expect(permit.name.en.trim(), permit.id).not.toBe('');
      expect(permit.source, permit.id).toMatch(/DOMAIN\.md §3\.\d/);
    }
  });

  it('finds by id and rejects unknown ids', () => {
    expect(findPermitType('slf')?.name.en).toContain('SLF');
    expect(findPermitType('nope')).toBeUndefined();
    expect(isPermitTypeId('pkkpr')).toBe(true);
    expect(isPermitTypeId('pkkpr2')).toBe(false);
  });
});

describe('house rule: machines/ is pure TypeScript', () => {
  const files = sourceFiles(machinesDir);

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((f) => [f.slice(machinesDir.length), f]))(
    '%s uses no browser, WXT or Node API',
    (_n, file) => {
      const text = readFileSync(file, 'utf8');
      expect(text).not.toMatch(
        /from ['"](wxt|wxt\/[^'"]*|webextension-polyfill|node:[^'"]*|fs|path|dexie)['"]/,
      );
      expect(text).not.toMatch(/\b(chrome|browser|window|document|localStorage|indexedDB|process|Buffer)\./);
      expect(text).not.toMatch(/\b(require|fetch|XMLHttpRequest|setTimeout|setInterval)\(/);
      // Only relative imports and the two runtime packages the plugin is built on.
      const specifiers = [
        ...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s*['"]([^'"]+)['"]/gm),
        ...text.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]/g),
      ].map((m) => m[1] ?? '');
      expect(specifiers.length, file).toBeGreaterThan(file.endsWith('types.ts') ? -1 : 0);
      for (const spec of specifiers) {
        expect(spec.startsWith('.') || /^(xstate|valibot)(\/|$)/.test(spec), `${spec} in ${file}`).toBe(true);
      }
    },
  );
});

describe('house rule: the public API documents every export', () => {
  const index = readFileSync(join(machinesDir, 'index.ts'), 'utf8');
  const statements = [...index.matchAll(/(\/\*\*(?:(?!\*\/)[\s\S])*\*\/\s*)?^export\b[^;]*;/gm)];

  it('has exports to check', () => {
    expect(statements.length).toBeGreaterThan(15);
  });

  it.each(
    statements.map((m) => [
      m[0]
        .slice((m[1] ?? '').length)
        .replace(/\s+/g, ' ')
        .slice(0, 70),
      m[1] ?? '',
    ]),
  )('%s… has JSDoc with an @example', (_head, doc) => {
    expect(doc).toMatch(/\/\*\*[\s\S]*@example[\s\S]*\*\//);
  });
});
