/**
 * What `show` and `assess` say about a workflow: a JSON document and the text an officer reads.
 * Modes come from assessStep; without a region only the step's own facts decide.
 */
import {
  assessStep,
  type Condition,
  describeCondition,
  type PermitDefinition,
  type RegionProfile,
  type Step,
  stageSlaDays,
  type WorkMode,
} from '../../machines';
import { CONNECTIVITY, conditionText, type Lang, MODE, ROLE, t } from './workflows-text';

export const regionJson = (r: RegionProfile) => ({
  code: r.code,
  name: r.name,
  island: r.island,
  timeZone: r.timeZone,
  utcOffsetHours: r.utcOffsetHours,
  connectivity: r.connectivity,
  connectivityReason: r.connectivityReason,
  is3T: r.is3T,
  daerahTertinggal: r.daerahTertinggal.count,
  wfaStart: r.wfaStart.date,
});

export const slaText = (lang: Lang, days: number | null) =>
  days === null ? t(lang, 'common.noClock') : t(lang, 'common.days', { n: days });

// Without a region the date is never read (assessStep skips the region rules).
const regionFree = (s: Step) => assessStep(s, undefined, '');

export function showDoc(d: PermitDefinition) {
  const stages = d.stages.map((s) => ({
    id: s.id,
    name: s.name,
    slaDays: stageSlaDays(s, {}),
    allowsReturn: s.allowsReturn,
    allowsReject: s.allowsReject,
    steps: s.steps.map((st) => {
      const a = regionFree(st);
      return {
        id: st.id,
        name: st.name,
        role: st.role,
        slaDays: st.slaDays,
        ...(st.when ? { condition: describeCondition(st.when) } : {}),
        mode: a.mode,
        decidedBy: a.decidedBy,
        reasons: a.reasons.map((r) => r.text),
        checklist: st.checklist.map((it) => ({
          id: it.id,
          label: it.label,
          mandatory: it.mandatory,
          ...(it.when ? { condition: describeCondition(it.when) } : {}),
        })),
      };
    }),
  }));
  return { id: d.id, version: d.version, name: d.name, summary: d.summary, facts: d.facts, stages };
}

export function showText(lang: Lang, d: PermitDefinition): string[] {
  const when = (c: Condition | undefined) => (c ? ` (${conditionText(c, d.facts, lang)})` : '');
  const lines = [`${d.id} — ${d.name[lang]} (${t(lang, 'show.version', { version: d.version })})`];
  lines.push(d.summary[lang], '');
  if (d.facts.length === 0) lines.push(t(lang, 'show.noFacts'));
  else {
    lines.push(t(lang, 'show.facts'));
    for (const f of d.facts) {
      const kind = f.values ? `${f.type}: ${f.values.join(' | ')}` : f.type;
      lines.push(`  ${f.id} (${kind}) — ${f.label[lang]}`);
    }
  }
  lines.push('', t(lang, 'show.modeNote', { id: d.id }), t(lang, 'show.legend'));
  d.stages.forEach((s, i) => {
    const flags = [
      slaText(lang, stageSlaDays(s, {})),
      ...(s.allowsReturn ? [t(lang, 'show.returns')] : []),
      ...(s.allowsReject ? [t(lang, 'show.rejects')] : []),
    ];
    const title = t(lang, 'show.stage', { n: i + 1, count: d.stages.length, name: s.name[lang] });
    lines.push('', `${title} · ${flags.join(' · ')}`);
    s.steps.forEach((st, j) => {
      const a = regionFree(st);
      lines.push(
        `  ${i + 1}.${j + 1} ${st.name[lang]}${when(st.when)}`,
        `      ${MODE[a.mode][lang].toUpperCase()} · ${ROLE[st.role][lang]} · ${slaText(lang, st.slaDays)}`,
        // The deciding reason; the note above already says the region was not weighed.
        ...a.reasons.slice(0, 1).map((r) => `      ↳ ${r.text[lang]}`),
      );
      for (const it of st.checklist) {
        const mark = `[${t(lang, it.mandatory ? 'common.mandatory' : 'common.optional')}]`;
        lines.push(`      ${mark.padEnd(11)} ${it.label[lang]}${when(it.when)}`);
      }
    });
  });
  return lines;
}

export function assessDoc(d: PermitDefinition, region: RegionProfile, date: string) {
  const steps = d.stages.flatMap((s) =>
    s.steps.map((st) => {
      const a = assessStep(st, region, date);
      return {
        stageId: s.id,
        id: st.id,
        name: st.name,
        role: st.role,
        ...(st.when ? { condition: describeCondition(st.when) } : {}),
        mode: a.mode,
        decidedBy: a.decidedBy,
        reasons: a.reasons.map((r) => r.text),
      };
    }),
  );
  const summary: Record<WorkMode, number> = { field: 0, office: 0, remote: 0 };
  for (const s of steps) summary[s.mode] += 1;
  return {
    workflow: { id: d.id, version: d.version, name: d.name },
    region: regionJson(region),
    summary,
    steps,
  };
}

export function assessText(
  lang: Lang,
  d: PermitDefinition,
  region: RegionProfile,
  date: { value: string; given: boolean },
): string[] {
  const { summary } = assessDoc(d, region, date.value);
  const offset = `${region.utcOffsetHours >= 0 ? '+' : ''}${region.utcOffsetHours}`;
  const lines = [
    t(lang, 'assess.title', { name: d.name[lang], id: d.id }),
    t(lang, 'assess.region', {
      code: region.code,
      name: region.name[lang],
      connectivity: CONNECTIVITY[region.connectivity][lang],
      count: region.daerahTertinggal.count,
      wfa: region.wfaStart.date,
    }),
    `  ${region.connectivityReason[lang]}`,
    date.given
      ? t(lang, 'assess.date', { date: date.value })
      : t(lang, 'assess.today', { date: date.value, offset }),
    t(lang, 'assess.summary', {
      parts: (['field', 'office', 'remote'] as const)
        .map((m) => `${MODE[m][lang]} ${summary[m]}`)
        .join(' · '),
    }),
  ];
  const pad = ' '.repeat(13);
  d.stages.forEach((s, i) => {
    lines.push('', t(lang, 'show.stage', { n: i + 1, count: d.stages.length, name: s.name[lang] }));
    for (const st of s.steps) {
      const a = assessStep(st, region, date.value);
      const who = t(lang, 'common.by', { role: ROLE[st.role][lang] });
      const cond = st.when ? ` (${conditionText(st.when, d.facts, lang)})` : '';
      lines.push(`  ${MODE[a.mode][lang].toUpperCase().padEnd(10)} ${st.name[lang]} — ${who}${cond}`);
      // The region's connectivity reason is printed once above, not under every step.
      for (const r of a.reasons) {
        if (r.text.en !== region.connectivityReason.en) lines.push(`${pad}↳ ${r.text[lang]}`);
      }
    }
  });
  return lines;
}
