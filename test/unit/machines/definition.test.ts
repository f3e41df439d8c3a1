import { describe, expect, it } from 'vitest';
import {
  CATALOG,
  CATALOG_FILES,
  evaluateCondition,
  findDefinition,
  InvalidDataError,
  loadCatalog,
  parseDefinition,
  validateDefinition,
} from '../../../machines';

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
// biome-ignore lint/suspicious/noExplicitAny: tests poke at arbitrary paths of the raw JSON
const raw = (file: string) => clone(CATALOG_FILES[file]) as any;
const pbg = () => raw('pbg.json');

describe('definition validation', () => {
  it('accepts every shipped workflow', () => {
    for (const [name, input] of Object.entries(CATALOG_FILES)) {
      const r = validateDefinition(input);
      expect(r.ok, `${name}: ${r.ok ? '' : JSON.stringify(r.errors.slice(0, 3))}`).toBe(true);
    }
  });

  it('reports every error at once, each with its path and a fix in both languages', () => {
    const bad = pbg();
    bad.version = 0;
    bad.stages[1].steps[0].slaDays = -2;
    bad.stages[1].steps[0].checklist[0].mandatroy = true;
    delete bad.stages[2].steps[0].role;
    bad.stages[3].id = 'Levy Stage';
    const r = validateDefinition(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'version',
        'stages[1].steps[0].slaDays',
        'stages[1].steps[0].checklist[0].mandatroy',
        'stages[2].steps[0].role',
        'stages[3].id',
      ]),
    );
    for (const e of r.errors) {
      for (const t of [e.problem, e.fix]) {
        expect(t.id.length, e.path).toBeGreaterThan(3);
        expect(t.en.length, e.path).toBeGreaterThan(3);
      }
    }
    const unknown = r.errors.find((e) => e.path.endsWith('mandatroy'));
    expect(unknown?.problem.en).toContain('Unknown field');
  });

  it('catches duplicate ids and conditions on undeclared or mistyped facts', () => {
    const bad = pbg();
    const firstItem = bad.stages[1].steps[0].checklist[0];
    bad.stages[1].steps[0].checklist[1].id = firstItem.id;
    bad.stages[2].steps[0].when = { fact: 'lantai', op: 'gt', value: 2 };
    bad.stages[1].steps[0].checklist[2].when = { fact: 'lowIncome', op: 'gt', value: 1 };
    const r = validateDefinition(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byPath = Object.fromEntries(r.errors.map((e) => [e.path, e]));
    expect(byPath['stages[1].steps[0].checklist[1].id']?.problem.en).toContain('more than once');
    expect(byPath['stages[2].steps[0].when.fact']?.fix.en).toContain('storeys');
    expect(byPath['stages[1].steps[0].checklist[2].when.value']?.fix.en).toContain('numbers only');
  });

  it('keeps after-issuance stages at the end, after an issuing stage, without return or reject', () => {
    const bad = pbg();
    bad.stages[0].afterIssuance = true;
    bad.stages[4].afterIssuance = true;
    bad.stages[4].allowsReject = true;
    const r = validateDefinition(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['stages[0].afterIssuance', 'stages[1].afterIssuance', 'stages[4]']),
    );
  });

  it('requires allowed values on text facts and checks conditions against them', () => {
    const bad = raw('oss-rba.json');
    const cond = JSON.stringify(bad).match(/"fact":"riskLevel","op":"eq","value":"tinggi"/);
    expect(cond).not.toBeNull();
    const withTypo = JSON.parse(
      JSON.stringify(bad).replace(
        '"fact":"riskLevel","op":"eq","value":"tinggi"',
        '"fact":"riskLevel","op":"eq","value":"tingi"',
      ),
    );
    const r1 = validateDefinition(withTypo);
    expect(r1.ok).toBe(false);
    if (!r1.ok) {
      expect(r1.errors).toHaveLength(1);
      expect(r1.errors[0]?.problem.en).toContain('"tingi"');
      expect(r1.errors[0]?.fix.en).toContain('menengah-tinggi');
    }
    delete bad.facts[0].values;
    bad.facts[1].values = ['ya'];
    bad.facts[1].min = 0;
    const r2 = validateDefinition(bad);
    expect(r2.ok).toBe(false);
    if (!r2.ok) {
      expect(r2.errors.map((e) => e.path).sort()).toEqual([
        'facts[0].values',
        'facts[1].min',
        'facts[1].values',
      ]);
    }
  });

  it('refuses an SLA over a year of working days as a likely typo', () => {
    const bad = pbg();
    bad.stages[1].steps[0].slaDays = 400;
    const r = validateDefinition(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[0]?.path).toBe('stages[1].steps[0].slaDays');
      expect(r.errors[0]?.fix.id).toContain('hari kerja');
    }
  });

  it('requires a legal basis on every step and item', () => {
    const bad = pbg();
    bad.stages[0].steps[0].legalBasis = [];
    const r = validateDefinition(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.path).toBe('stages[0].steps[0].legalBasis');
  });

  it('throws one InvalidDataError listing everything, and a catalog with one bad file loads nothing', () => {
    expect(() => parseDefinition({ id: 'x' })).toThrow(InvalidDataError);
    try {
      parseDefinition({ id: 'x' });
    } catch (e) {
      expect((e as InvalidDataError).errors.length).toBeGreaterThanOrEqual(6);
      expect((e as Error).message).toContain('stages');
    }
    const broken = { ...CATALOG_FILES, 'slf.json': { ...(CATALOG_FILES['slf.json'] as object), stages: [] } };
    const r = loadCatalog(broken);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.every((e) => e.path.startsWith('slf.json: '))).toBe(true);
  });

  it('refuses two workflows with the same id', () => {
    const r = loadCatalog({ 'a.json': CATALOG_FILES['pbg.json'], 'b.json': CATALOG_FILES['pbg.json'] });
    expect(r.ok).toBe(false);
  });
});

describe('conditions on case facts', () => {
  const storeys = { fact: 'storeys', op: 'gt', value: 2 } as const;

  it('compares, combines and negates', () => {
    expect(evaluateCondition(storeys, { storeys: 3 })).toBe(true);
    expect(evaluateCondition(storeys, { storeys: 2 })).toBe(false);
    expect(evaluateCondition({ not: storeys }, { storeys: 2 })).toBe(true);
    expect(
      evaluateCondition({ all: [storeys, { fact: 'x', op: 'eq', value: true }] }, { storeys: 3, x: false }),
    ).toBe(false);
    expect(
      evaluateCondition({ any: [storeys, { fact: 'x', op: 'eq', value: true }] }, { storeys: 1, x: true }),
    ).toBe(true);
    expect(evaluateCondition({ fact: 'k', op: 'in', value: ['a', 'b'] }, { k: 'b' })).toBe(true);
  });

  it('treats a condition on an unknown fact as unknown, and unknown as applicable', () => {
    expect(evaluateCondition(storeys, {})).toBe('unknown');
    expect(evaluateCondition({ not: storeys }, {})).toBe('unknown');
    expect(evaluateCondition({ all: [storeys, { fact: 'x', op: 'eq', value: true }] }, { x: false })).toBe(
      false,
    );
    expect(evaluateCondition({ any: [storeys, { fact: 'x', op: 'eq', value: true }] }, { x: true })).toBe(
      true,
    );
  });
});

describe('house rules of the catalog', () => {
  it('every step has a legal basis, facts with a source, and an applicant or system step never runs the SLA clock', () => {
    for (const d of CATALOG) {
      for (const stage of d.stages) {
        for (const step of stage.steps) {
          const where = `${d.id}/${step.id}`;
          expect(step.legalBasis.length, where).toBeGreaterThan(0);
          expect(step.facts.source.trim(), where).not.toBe('');
          if (step.role === 'applicant') expect(step.slaDays, where).toBeNull();
        }
      }
    }
  });

  it('marks our own judgement in data (every workflow has some, as DOMAIN.md asks)', () => {
    for (const d of CATALOG) expect(JSON.stringify(d), d.id).toContain('"judgement":true');
  });

  it('models the conditional documents DOMAIN.md §4 names', () => {
    const items = findDefinition('pbg')?.stages.flatMap((s) => s.steps.flatMap((t) => t.checklist)) ?? [];
    const conditional = items.filter((i) => i.when && JSON.stringify(i.when).includes('storeys'));
    expect(conditional.length).toBeGreaterThanOrEqual(2);
  });

  it('has at least one field step in the workflows DOMAIN.md says need site presence', () => {
    for (const id of ['pbg', 'slf', 'oss-rba', 'izin-reklame', 'sip-nakes']) {
      const d = findDefinition(id);
      expect(
        d?.stages.some((s) => s.steps.some((t) => t.facts.sitePresence)),
        id,
      ).toBe(true);
    }
  });
});

describe('error messages', () => {
  it('name a missing field once and say where to see its shape', () => {
    const r = validateDefinition({ ...(CATALOG_FILES['slf.json'] as object), summary: undefined });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const e = r.errors.find((x) => x.path === 'summary');
    expect(e?.problem.en).toBe('Required field "summary" is missing.');
    expect(e?.fix.en).toBe('Add the field "summary" (the shipped data files in machines/ show its shape).');
  });
});
