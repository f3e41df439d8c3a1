import { BpmnModdle } from 'bpmn-moddle';
import { describe, expect, it } from 'vitest';
import {
  assessStep,
  CATALOG,
  describeCondition,
  findRegion,
  type PermitDefinition,
  type Role,
  type Step,
} from '../../../machines';
import { exportBpmn, ROLE_NAMES } from '../../../machines/export/bpmn';

// The slices of bpmn-moddle's object tree these tests read.
interface El {
  $type: string;
  id: string;
  name?: string;
}
interface FlowEl extends El {
  sourceRef?: El;
  targetRef?: El;
  default?: El;
  conditionExpression?: { $type: string; body?: string };
}
interface Artifact extends El {
  text?: string;
  sourceRef?: El;
  targetRef?: El;
}
interface Process extends El {
  isExecutable: boolean;
  laneSets: { lanes: (El & { flowNodeRef?: El[] })[] }[];
  flowElements: FlowEl[];
  artifacts?: Artifact[];
}
interface Definitions {
  rootElements: (El & { participants?: (El & { processRef?: El })[] })[];
  diagrams: { plane: { bpmnElement?: El; planeElement: { bpmnElement?: El }[] } }[];
}

async function parse(xml: string) {
  const { rootElement, warnings } = await new BpmnModdle().fromXML(xml);
  expect(warnings.map((w) => w.message)).toEqual([]);
  const defs = rootElement as unknown as Definitions;
  const process = defs.rootElements.find((e) => e.$type === 'bpmn:Process') as unknown as Process;
  const flows = process.flowElements.filter((e) => e.$type === 'bpmn:SequenceFlow');
  const nodes = process.flowElements.filter((e) => e.$type !== 'bpmn:SequenceFlow');
  const lanes = process.laneSets.flatMap((s) => s.lanes);
  const laneOf = (id: string) => lanes.find((l) => (l.flowNodeRef ?? []).some((n) => n.id === id));
  const byId = (id: string) => nodes.find((n) => n.id === id);
  const out = (id: string) => flows.filter((f) => f.sourceRef?.id === id);
  return { defs, process, flows, nodes, lanes, laneOf, byId, out };
}

const rolesUsed = (d: PermitDefinition): Role[] => {
  const used = new Set<Role>(d.stages.flatMap((s) => s.steps.map((st) => st.role)));
  if (d.stages.some((s) => s.allowsReturn)) used.add('applicant');
  return [...used];
};
const modeAnnotation = (p: Process, taskId: string): string | undefined => {
  const artifacts = p.artifacts ?? [];
  const link = artifacts.find((a) => a.$type === 'bpmn:Association' && a.sourceRef?.id === taskId);
  return artifacts.find((a) => a.id === link?.targetRef?.id)?.text;
};

describe.each(CATALOG.map((d) => [d.id, d] as const))('BPMN export of %s', (_id, definition) => {
  const xml = exportBpmn(definition);

  it('parses without warnings into one collaboration, one participant and one non-executable process', async () => {
    const { defs, process } = await parse(xml);
    const collaborations = defs.rootElements.filter((e) => e.$type === 'bpmn:Collaboration');
    expect(collaborations).toHaveLength(1);
    expect(collaborations[0]?.participants).toHaveLength(1);
    expect(collaborations[0]?.participants?.[0]?.processRef?.id).toBe(process.id);
    expect(process.isExecutable).toBe(false);
  });

  it('has one lane per role actually used, and every node in exactly one lane', async () => {
    const { lanes, nodes } = await parse(xml);
    expect(lanes.map((l) => l.name).sort()).toEqual(
      rolesUsed(definition)
        .map((r) => ROLE_NAMES[r])
        .sort(),
    );
    for (const node of nodes) {
      const holders = lanes.filter((l) => (l.flowNodeRef ?? []).some((n) => n.id === node.id));
      expect(holders, node.id).toHaveLength(1);
    }
  });

  it('draws every step as a task in its role lane, with a mode annotation from the assessment', async () => {
    const { process, byId, laneOf } = await parse(xml);
    for (const step of definition.stages.flatMap((s) => s.steps)) {
      const task = byId(`Task_${step.id}`);
      expect(task?.$type, step.id).toBe(step.role === 'system' ? 'bpmn:ServiceTask' : 'bpmn:UserTask');
      expect(task?.name).toBe(step.name.id);
      expect(laneOf(`Task_${step.id}`)?.name, step.id).toBe(ROLE_NAMES[step.role]);
      expect(modeAnnotation(process, `Task_${step.id}`), step.id).toBe(
        `Mode: ${assessStep(step, undefined, '2026-11-28').mode}`,
      );
    }
  });

  it('puts conditional steps behind a gateway with the condition on one branch and a skip on the other', async () => {
    const { byId, out } = await parse(xml);
    for (const step of definition.stages.flatMap((s) => s.steps).filter((s) => s.when)) {
      const split = byId(`Gateway_split_${step.id}`);
      expect(split?.$type, step.id).toBe('bpmn:ExclusiveGateway');
      const branches = out(`Gateway_split_${step.id}`);
      expect(branches).toHaveLength(2);
      const text = describeCondition(step.when as NonNullable<Step['when']>);
      const toTask = branches.find((f) => f.targetRef?.id === `Task_${step.id}`);
      expect(toTask?.name).toBe(text);
      expect(toTask?.conditionExpression).toMatchObject({ $type: 'bpmn:FormalExpression', body: text });
      expect(branches.find((f) => f !== toTask)?.targetRef?.id).toBe(`Gateway_join_${step.id}`);
    }
  });

  it('has a "Ditolak" flow for each rejecting stage and a "Perlu perbaikan" loop for each returning stage', async () => {
    const { flows, byId, out, laneOf } = await parse(xml);
    expect(flows.filter((f) => f.name === 'Ditolak')).toHaveLength(
      definition.stages.filter((s) => s.allowsReject).length,
    );
    expect(flows.filter((f) => f.name === 'Perlu perbaikan')).toHaveLength(
      definition.stages.filter((s) => s.allowsReturn).length,
    );
    for (const stage of definition.stages.filter((s) => s.allowsReturn || s.allowsReject)) {
      const gatewayId = `Gateway_decision_${stage.id}`;
      const gateway = byId(gatewayId);
      expect(gateway?.name).toBe(`Keputusan: ${stage.name.id}`);
      const branches = out(gatewayId);
      const rejected = branches.find((f) => f.name === 'Ditolak');
      const returned = branches.find((f) => f.name === 'Perlu perbaikan');
      expect(gateway?.default, 'continue is the default flow').toBeDefined();
      expect([rejected, returned]).not.toContain(gateway?.default);
      expect(rejected?.targetRef?.$type).toBe(stage.allowsReject ? 'bpmn:EndEvent' : undefined);
      if (!stage.allowsReturn) continue;
      const fix = returned?.targetRef;
      expect(fix?.name).toBe('Perbaikan berkas oleh pemohon');
      expect(laneOf(fix?.id ?? '')?.name).toBe(ROLE_NAMES.applicant);
      const first = stage.steps[0] as Step;
      const firstId = first.when ? `Gateway_split_${first.id}` : `Task_${first.id}`;
      expect(out(fix?.id ?? '').map((f) => f.targetRef?.id)).toEqual([firstId]);
    }
  });

  it('resolves every flow end, and every node lies on a path from the start event to an end event', async () => {
    const { flows, nodes } = await parse(xml);
    const ids = new Set(nodes.map((n) => n.id));
    for (const f of flows) {
      expect(ids.has(f.sourceRef?.id ?? ''), `${f.id} source`).toBe(true);
      expect(ids.has(f.targetRef?.id ?? ''), `${f.id} target`).toBe(true);
    }
    const walk = (from: string[], step: (f: FlowEl) => [string, string]) => {
      const seen = new Set(from);
      for (const id of seen) {
        for (const f of flows) {
          const [a, b] = step(f);
          if (a === id) seen.add(b);
        }
      }
      return seen;
    };
    const starts = nodes.filter((n) => n.$type === 'bpmn:StartEvent').map((n) => n.id);
    const ends = nodes.filter((n) => n.$type === 'bpmn:EndEvent').map((n) => n.id);
    expect(starts).toHaveLength(1);
    expect(ends.length).toBeGreaterThan(0);
    const forward = walk(starts, (f) => [f.sourceRef?.id ?? '', f.targetRef?.id ?? '']);
    const backward = walk(ends, (f) => [f.targetRef?.id ?? '', f.sourceRef?.id ?? '']);
    for (const n of nodes) {
      expect(forward.has(n.id), `${n.id} reachable from the start`).toBe(true);
      expect(backward.has(n.id), `${n.id} reaches an end`).toBe(true);
    }
    // Issuance ends the process, unless after-issuance stages follow (then it is a milestone).
    const followUp = definition.stages.some((s) => s.afterIssuance);
    expect(nodes.find((n) => n.name === 'Izin terbit')?.$type).toBe(
      followUp ? 'bpmn:IntermediateThrowEvent' : 'bpmn:EndEvent',
    );
    if (followUp) expect(nodes.find((n) => n.name === 'Kasus selesai')?.$type).toBe('bpmn:EndEvent');
  });

  it('gives every participant, lane, node, flow, annotation and association a diagram element', async () => {
    const { defs, process, flows, nodes, lanes } = await parse(xml);
    const plane = defs.diagrams[0]?.plane;
    expect(plane?.bpmnElement?.$type).toBe('bpmn:Collaboration');
    const drawn = new Set((plane?.planeElement ?? []).map((e) => e.bpmnElement?.id));
    const participant = defs.rootElements.find((e) => e.$type === 'bpmn:Collaboration')?.participants?.[0];
    for (const el of [participant, ...lanes, ...nodes, ...flows, ...(process.artifacts ?? [])]) {
      expect(drawn.has(el?.id), el?.id).toBe(true);
    }
  });

  it('is deterministic', () => {
    expect(exportBpmn(definition)).toBe(xml);
  });
});

describe('BPMN export with a region', () => {
  it('shows the regional asymmetry: DKI Jakarta and Papua Pegunungan differ in some task mode', async () => {
    const differing: string[] = [];
    for (const definition of CATALOG) {
      const jakarta = await parse(exportBpmn(definition, { region: findRegion('31'), date: '2026-11-28' }));
      const papua = await parse(exportBpmn(definition, { region: findRegion('97'), date: '2026-11-28' }));
      for (const step of definition.stages.flatMap((s) => s.steps)) {
        const a = modeAnnotation(jakarta.process, `Task_${step.id}`);
        const b = modeAnnotation(papua.process, `Task_${step.id}`);
        if (a !== b) differing.push(`${step.id}: ${a} vs ${b}`);
      }
    }
    expect(differing).toContain('pbg-completeness-check: Mode: remote vs Mode: office');
  });

  it('says in the documentation which region was weighed, or that none was', () => {
    const pbg = CATALOG.find((d) => d.id === 'pbg') as PermitDefinition;
    expect(exportBpmn(pbg)).toContain('wilayah tidak dinilai / region not weighed');
    expect(exportBpmn(pbg, { region: findRegion('97'), date: '2026-11-28' })).toContain(
      'Mode: office — Papua Pegunungan (97), 2026-11-28',
    );
  });

  it('refuses a region without a date instead of reading the clock', () => {
    const pbg = CATALOG.find((d) => d.id === 'pbg') as PermitDefinition;
    expect(() => exportBpmn(pbg, { region: findRegion('31') })).toThrow(/needs a date/);
  });
});

describe('BPMN export of awkward text and ids', () => {
  const nasty = 'Tanda <&"\'> di teks';
  const basis = [{ ref: 'Perda 1/2026 <&"', source: 'test' }];
  const facts = { sitePresence: false, originalDocuments: false, faceToFace: false, onlineSystem: true };
  const step = (id: string, role: Role, extra: Partial<Step> = {}): Step => ({
    id,
    name: { id: `${nasty} ${id}`, en: nasty },
    role,
    facts: { ...facts, largeUploads: false, source: 'test' },
    slaDays: 1,
    legalBasis: basis,
    checklist: [],
    ...extra,
  });
  const definition: PermitDefinition = {
    id: 'uji coba/1',
    version: 1,
    name: { id: nasty, en: nasty },
    summary: { id: nasty, en: nasty },
    legalBasis: basis,
    source: 'test',
    facts: [{ id: 'kind', type: 'text', label: { id: 'Jenis', en: 'Kind' }, source: 'test' }],
    stages: [
      {
        id: 'only',
        name: { id: nasty, en: nasty },
        shortName: { id: 'x', en: 'x' },
        allowsReturn: true,
        allowsReject: true,
        steps: [
          step('1st step', 'back-office', { when: { fact: 'kind', op: 'eq', value: 'a<b&"c' } }),
          step('ä/ö', 'system'),
        ],
      },
    ],
  };

  it('escapes <, &, quotes and apostrophes and reads them back unchanged', async () => {
    const xml = exportBpmn(definition);
    expect(xml).not.toContain(nasty);
    expect(xml).toContain('Tanda &lt;&amp;&quot;&apos;&gt; di teks');
    const { nodes, flows, process } = await parse(xml);
    expect(process.name).toBe(nasty);
    expect(nodes.filter((n) => n.$type.endsWith('Task')).map((n) => n.name)).toContain(`${nasty} 1st step`);
    expect(flows.map((f) => f.conditionExpression?.body)).toContain('kind = "a<b&\\"c"');
  });

  it('turns any step or workflow id into unique XML NCNames', async () => {
    const xml = exportBpmn(definition);
    const ids = [...xml.matchAll(/ id="([^"]*)"/g)].map((m) => m[1] as string);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z_][A-Za-z0-9._-]*$/);
    const { byId } = await parse(xml);
    expect(byId('Task_1st_step')).toBeDefined();
    expect(byId('Task_ä_ö')).toBeUndefined();
  });
});
