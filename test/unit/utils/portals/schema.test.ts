import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_ADAPTERS } from '../../../../utils/portals/builtin';
import { DEMO_PORTAL_MATCHES, PRODUCTION_PORTAL_MATCHES } from '../../../../utils/portals/origins';
import { isMatchPattern, matchesPattern } from '../../../../utils/portals/patterns';
import { parseAdapterText, validateAdapter } from '../../../../utils/portals/schema';

const EXAMPLE_TEXT = readFileSync(
  new URL('../../../../docs/examples/simpel-kota-contoh.adapter.json', import.meta.url),
  'utf8',
);
const example = () => JSON.parse(EXAMPLE_TEXT);

/** The paths of every problem, for asserting where the validator points. */
function problemPaths(input: unknown): string[] {
  const result = validateAdapter(input);
  return result.ok ? [] : result.errors.map((e) => e.path);
}

describe('the adapter format', () => {
  it('accepts every built-in adapter and the documented example', () => {
    expect(BUILTIN_ADAPTERS.map((a) => a.id)).toEqual(['sicantik', 'oss-rba', 'simbg']);
    const parsed = parseAdapterText(EXAMPLE_TEXT);
    expect(parsed.ok && parsed.adapter.id).toBe('simpel-kota-contoh');
  });

  it("names each built-in adapter's fixture pages and source", () => {
    for (const adapter of BUILTIN_ADAPTERS) {
      expect(adapter.fixtures?.length, adapter.id).toBeGreaterThan(0);
      expect(adapter.source.length, adapter.id).toBeGreaterThan(20);
    }
  });

  it('reports every problem at once, each with its path and a fix in both languages', () => {
    const input = example();
    input.permits[0].permitType = 'izin-tambang';
    input.pages.caseDetail.path = '^/simpel/(';
    input.matches = ['simpel.kotacontoh.go.id'];
    input.pages.caseDetail.fields.caseRef.labels = [];
    input.colour = 'biru';
    const result = validateAdapter(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['permits[0].permitType', 'pages.caseDetail.fields.caseRef.labels', 'colour']),
    );
    for (const error of result.errors) {
      expect(error.problem.id && error.problem.en && error.fix.id && error.fix.en, error.path).toBeTruthy();
    }
  });

  it('checks what a schema cannot: patterns, regular expressions and stage ids', () => {
    const input = example();
    input.matches = ['simpel.kotacontoh.go.id', 'https://ok.go.id:8080/*'];
    input.pages.caseDetail.path = '^/simpel/(';
    input.statuses = [
      { how: 'equals', text: 'Verifikasi', stageId: 'fileVerification' },
      { how: 'equals', text: 'Lapangan', permitType: 'izin-reklame', stageId: 'survey' },
      { how: 'equals', text: 'Aneh', permitType: 'izin-reklame', stageId: 'siteReview', outcome: 'issued' },
    ];
    input.pages.caseDetail.documents = { item: 'li' };
    expect(problemPaths(input)).toEqual([
      'matches[0]',
      'matches[1]',
      'pages.caseDetail.path',
      'pages.caseDetail.documents',
      'statuses[0].permitType',
      'statuses[1].stageId',
      'statuses[2]',
    ]);
  });

  it('says what is wrong with text that is not an adapter', () => {
    const syntax = parseAdapterText('{"format": ');
    expect(syntax.ok ? [] : syntax.errors.map((e) => e.problem.en)).toEqual([
      expect.stringMatching(/^Not valid JSON/),
    ]);
    const list = parseAdapterText('[1, 2]');
    expect(list.ok ? [] : list.errors.map((e) => e.problem.id)).toEqual(['Adaptor harus berupa objek JSON.']);
    const format = parseAdapterText(JSON.stringify({ ...example(), format: 'pandu-izin/adapter@9' }));
    expect(format.ok ? [] : format.errors.map((e) => e.path)).toEqual(['format']);
  });
});

describe('match patterns', () => {
  it.each([
    ['https://simpel.kotacontoh.go.id/*', 'https://simpel.kotacontoh.go.id/berkas/1', true],
    ['https://*.sicantik.go.id/*', 'https://kab-a.sicantik.go.id/x', true],
    ['https://*.sicantik.go.id/*', 'https://sicantik.go.id/x', true],
    ['https://*.sicantik.go.id/*', 'https://evilsicantik.go.id/x', false],
    ['http://127.0.0.1/simpel/*', 'http://127.0.0.1:4173/simpel/berkas', true],
    ['http://127.0.0.1/simpel/*', 'http://127.0.0.1:4173/sicantik/permohonan', false],
    ['*://oss.go.id/*', 'http://oss.go.id/', true],
    ['*://oss.go.id/*', 'ftp://oss.go.id/', false],
    ['https://oss.go.id/*', 'not a url', false],
  ])('%s covers %s: %s', (pattern, url, expected) => {
    expect(matchesPattern(pattern, url)).toBe(expected);
  });

  it('rejects what browsers would reject', () => {
    expect(isMatchPattern('https://oss.go.id')).toBe(false);
    expect(isMatchPattern('https://oss.go.id:443/*')).toBe(false);
    expect(isMatchPattern('file:///etc/*')).toBe(false);
    expect(isMatchPattern('https://*.go.id/*')).toBe(true);
  });
});

describe('the content script matches', () => {
  it("are exactly the built-in adapters' origins (production) and demo patterns (demo build)", () => {
    const production = BUILTIN_ADAPTERS.flatMap((a) => a.matches);
    const demo = BUILTIN_ADAPTERS.flatMap((a) => a.demoMatches ?? []);
    expect([...PRODUCTION_PORTAL_MATCHES].sort()).toEqual([...new Set(production)].sort());
    expect([...DEMO_PORTAL_MATCHES].sort()).toEqual([...new Set(demo)].sort());
  });
});
