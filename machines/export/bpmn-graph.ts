/**
 * The BPMN export's first half: a workflow definition as a graph of flow nodes, sequence flows
 * and mode annotations, each node placed on a coarse grid (column, lane, row). bpmn.ts turns it
 * into XML and diagram coordinates.
 */
import { type Assessment, assessStep, type RegionReadiness } from '../assessment/assess';
import { describeCondition } from '../definition/conditions';
import { type LegalBasis, type PermitDefinition, ROLES, type Role, type Step } from '../definition/types';

/** Lane and table labels: Indonesian first, English in parentheses. */
export const ROLE_NAMES: Readonly<Record<Role, string>> = {
  'front-office': 'Front office (FO)',
  'back-office': 'Back office (BO)',
  'technical-team': 'Tim teknis (technical team)',
  head: 'Kepala dinas (head of agency)',
  applicant: 'Pemohon (applicant)',
  system: 'Sistem (system)',
};

export interface BpmnOptions {
  /** Weigh this region's readiness; without it only the steps' own facts decide the mode. */
  region?: RegionReadiness;
  /** `YYYY-MM-DD` the region is weighed on; required with a region (no clock is read). */
  date?: string;
}

export type Kind =
  | 'startEvent'
  | 'intermediateThrowEvent'
  | 'endEvent'
  | 'userTask'
  | 'serviceTask'
  | 'exclusiveGateway';
export interface FlowNode {
  id: string;
  kind: Kind;
  name: string;
  lane: Role;
  col: number;
  /** 0 = the main path, 1 = the band below it (corrections, rejections). */
  row: 0 | 1;
  docs?: string;
  defaultFlow?: string;
  incoming: string[];
  outgoing: string[];
}
export interface Flow {
  id: string;
  source: FlowNode;
  target: FlowNode;
  name?: string;
  condition?: string;
  route: 'forward' | 'below' | 'back';
}
export interface Note {
  id: string;
  associationId: string;
  task: FlowNode;
  text: string;
}

/**
 * Legal references as plain-text list lines, our own readings marked.
 * @example
 * legalLines([{ ref: 'PP 16/2021', source: 'DOMAIN.md §3.1', judgement: true }]);
 * // ['- PP 16/2021 — DOMAIN.md §3.1 (penilaian kami / our judgement)']
 */
export const legalLines = (basis: readonly LegalBasis[]): string[] =>
  basis.map((b) => `- ${b.ref} — ${b.source}${b.judgement ? ' (penilaian kami / our judgement)' : ''}`);

function stepDocs(step: Step, a: Assessment, where: string): string {
  const sla =
    step.slaDays === null ? 'tidak dihitung / not counted' : `${step.slaDays} HK (hari kerja / working days)`;
  return [
    `Langkah / step: ${step.id} — ${step.name.en}`,
    `Peran / role: ${ROLE_NAMES[step.role]}`,
    `Mode: ${a.mode} — ${where}`,
    'Alasan / reasons:',
    ...a.reasons.map((r) => `- [${r.rule}] ${r.text.id} / ${r.text.en}`),
    `SLA: ${sla}`,
    ...(step.when
      ? [
          `Syarat / condition: ${describeCondition(step.when)} (fakta belum diketahui = berlaku / unknown facts = applies)`,
        ]
      : []),
    'Dasar hukum / legal basis:',
    ...legalLines(step.legalBasis),
  ].join('\n');
}

/**
 * The workflow as a graph with a coarse grid position per node: the main path in columns, a
 * band below it for corrections and rejections.
 * @example
 * const g = buildGraph(findDefinition('pbg')!, {});
 * g.nodes.find((n) => n.id === 'Task_pbg-completeness-check')?.lane; // 'back-office'
 */
export function buildGraph(definition: PermitDefinition, options: BpmnOptions) {
  const taken = new Set<string>();
  // NCName: our prefixes start with a letter; anything outside [A-Za-z0-9._-] becomes '_'.
  const claim = (raw: string): string => {
    const base = raw.replace(/[^A-Za-z0-9._-]/g, '_');
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
    taken.add(id);
    return id;
  };
  const nodes: FlowNode[] = [];
  const flows: Flow[] = [];
  const notes: Note[] = [];
  const add = (raw: string, kind: Kind, name: string, lane: Role, col: number, row: 0 | 1 = 0): FlowNode => {
    const node: FlowNode = { id: claim(raw), kind, name, lane, col, row, incoming: [], outgoing: [] };
    nodes.push(node);
    return node;
  };
  const connect = (source: FlowNode, target: FlowNode, extra: Partial<Flow> = {}): Flow => {
    const flow: Flow = { id: claim(`Flow_${flows.length + 1}`), source, target, route: 'forward', ...extra };
    source.outgoing.push(flow.id);
    target.incoming.push(flow.id);
    flows.push(flow);
    return flow;
  };

  const { region, date = '' } = options;
  const where = region
    ? `${region.name.id} (${region.code}), ${date}`
    : 'wilayah tidak dinilai / region not weighed';
  const firstStep = definition.stages.flatMap((s) => s.steps)[0];
  let col = 0;
  let prev = add(
    'StartEvent_received',
    'startEvent',
    'Permohonan masuk',
    firstStep?.role ?? 'applicant',
    col,
  );
  let pendingDefault = false;
  const next = (node: FlowNode, extra: Partial<Flow> = {}): FlowNode => {
    const flow = connect(prev, node, extra);
    if (pendingDefault) prev.defaultFlow = flow.id;
    pendingDefault = false;
    prev = node;
    return node;
  };

  let issued = false;
  for (const stage of definition.stages) {
    if (stage.afterIssuance && !issued) {
      // The permit is issued here; the after-issuance stages follow before the case closes.
      next(add('Event_issued', 'intermediateThrowEvent', 'Izin terbit', prev.lane, ++col));
      issued = true;
    }
    let stageFirst: FlowNode | undefined;
    for (const step of stage.steps) {
      const when = step.when ? describeCondition(step.when) : undefined;
      const split = when
        ? next(add(`Gateway_split_${step.id}`, 'exclusiveGateway', 'Berlaku?', step.role, ++col))
        : undefined;
      const kind: Kind = step.role === 'system' ? 'serviceTask' : 'userTask';
      const task = add(`Task_${step.id}`, kind, step.name.id, step.role, ++col);
      const assessment = assessStep(step, region, date);
      task.docs = stepDocs(step, assessment, where);
      next(task, when ? { name: when, condition: when } : {});
      notes.push({
        id: claim(`TextAnnotation_${step.id}`),
        associationId: claim(`Association_${step.id}`),
        task,
        text: `Mode: ${assessment.mode}`,
      });
      if (split && when) {
        const join = next(add(`Gateway_join_${step.id}`, 'exclusiveGateway', '', step.role, ++col));
        const skip = `¬(${when})`;
        connect(split, join, { name: skip, condition: skip, route: 'below' });
      }
      stageFirst ??= split ?? task;
    }
    if (!stage.allowsReturn && !stage.allowsReject) continue;
    const gateway = next(
      add(
        `Gateway_decision_${stage.id}`,
        'exclusiveGateway',
        `Keputusan: ${stage.name.id}`,
        prev.lane,
        ++col,
      ),
    );
    pendingDefault = true;
    if (stage.allowsReturn) {
      const fix = add(
        `Task_correction_${stage.id}`,
        'userTask',
        'Perbaikan berkas oleh pemohon',
        'applicant',
        col + 1,
        1,
      );
      fix.docs = `Pemohon memperbaiki berkas tahap "${stage.name.id}"; jam SLA berhenti selama waktu pemohon. / The applicant corrects the file for "${stage.name.en}"; the SLA clock pauses in the applicant's time.`;
      connect(gateway, fix, { name: 'Perlu perbaikan', condition: 'Perlu perbaikan' });
      connect(fix, stageFirst ?? gateway, { route: 'back' });
    }
    if (stage.allowsReject) {
      const end = add(`EndEvent_rejected_${stage.id}`, 'endEvent', 'Ditolak', gateway.lane, col, 1);
      connect(gateway, end, { name: 'Ditolak', condition: 'Ditolak' });
    }
  }
  next(
    issued
      ? add('EndEvent_closed', 'endEvent', 'Kasus selesai', prev.lane, ++col)
      : add('EndEvent_issued', 'endEvent', 'Izin terbit', prev.lane, ++col),
  );
  const used = new Set(nodes.map((n) => n.lane));
  const lanes = ROLES.filter((r) => used.has(r)).map((role) => ({ role, id: claim(`Lane_${role}`) }));
  return { nodes, flows, notes, lanes, lastCol: col };
}
