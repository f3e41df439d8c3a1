/**
 * BPMN 2.0 export: one workflow as a pool with a lane per role, tasks annotated with their work
 * mode, and a simple left-to-right diagram (BPMNDI) so modelers such as bpmn.io can draw it.
 *
 * The output depends on the definition and the optional region and date only: no clock, no
 * randomness, so the same input always gives the same string.
 */
import { isIsoDate } from '../calendar';
import type { PermitDefinition, Role } from '../definition/types';
import {
  type BpmnOptions,
  buildGraph,
  type Flow,
  type FlowNode,
  type Kind,
  legalLines,
  type Note,
  ROLE_NAMES,
} from './bpmn-graph';

export { type BpmnOptions, ROLE_NAMES } from './bpmn-graph';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Escapes text for XML content and attributes; drops the control characters XML 1.0 forbids. */
function escapeXml(text: string): string {
  const allowed = [...text].filter((c) => c >= ' ' || c === '\t' || c === '\n' || c === '\r').join('');
  return allowed.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

// ── Layout (BPMNDI) ─────────────────────────────────────────────────────────────────────────
const POOL_LABEL = 30;
const LANE_LABEL = 30;
const LANE_H = 260;
const COL_W = 150;
const SIZE: Record<Kind, [number, number]> = {
  startEvent: [36, 36],
  intermediateThrowEvent: [36, 36],
  endEvent: [36, 36],
  userTask: [100, 80],
  serviceTask: [100, 80],
  exclusiveGateway: [50, 50],
};
const ROW_Y = [100, 200] as const;

type Point = [number, number];
const wp = (points: Point[]) => points.map(([x, y]) => `<di:waypoint x="${x}" y="${y}" />`).join('');

/**
 * BPMN 2.0 XML for one workflow: a pool with one lane per role, each step a task with its mode
 * (as documentation and a "Mode: …" annotation), conditional steps behind exclusive gateways,
 * and "Perlu perbaikan" / "Ditolak" decisions after stages that allow them. Deterministic.
 *
 * @example
 * import { CATALOG, findRegion } from '../index';
 * const xml = exportBpmn(CATALOG[0], { region: findRegion('97'), date: '2026-11-28' });
 * xml.includes('Mode: office'); // true: Papua Pegunungan has not started its WFA roadmap
 */
export function exportBpmn(definition: PermitDefinition, options: BpmnOptions = {}): string {
  if (options.region && !isIsoDate(options.date ?? '')) {
    throw new RangeError(
      `exportBpmn: a region needs a date (YYYY-MM-DD) to be weighed on; got ${JSON.stringify(options.date)}.`,
    );
  }
  const g = buildGraph(definition, options);
  const key = definition.id;
  const ids = {
    definitions: `Definitions_${key}`,
    collaboration: `Collaboration_${key}`,
    participant: `Participant_${key}`,
    process: `Process_${key}`,
  };
  for (const k of Object.keys(ids) as (keyof typeof ids)[]) ids[k] = ids[k].replace(/[^A-Za-z0-9._-]/g, '_');
  const x = escapeXml;

  const laneIndex = new Map(g.lanes.map((l, i) => [l.role, i]));
  const laneTop = (role: Role) => (laneIndex.get(role) ?? 0) * LANE_H;
  const width = POOL_LABEL + LANE_LABEL + (g.lastCol + 1) * COL_W + 30;
  const box = (n: FlowNode) => {
    const [w, h] = SIZE[n.kind];
    const cx = POOL_LABEL + LANE_LABEL + COL_W / 2 + n.col * COL_W;
    const cy = laneTop(n.lane) + ROW_Y[n.row];
    return { x: cx - w / 2, y: cy - h / 2, w, h, cx, cy, right: cx + w / 2, bottom: cy + h / 2 };
  };
  const route = (f: Flow): Point[] => {
    const s = box(f.source);
    const t = box(f.target);
    if (f.route === 'below') {
      const y = s.cy + 48;
      return [
        [s.cx, s.bottom],
        [s.cx, y],
        [t.cx, y],
        [t.cx, t.bottom],
      ];
    }
    if (f.route === 'back') {
      const y = laneTop(f.source.lane) + LANE_H - 8;
      const bx = t.cx - 62;
      return [
        [s.cx, s.bottom],
        [s.cx, y],
        [bx, y],
        [bx, t.cy],
        [t.x, t.cy],
      ];
    }
    if (f.source.col === f.target.col)
      return t.cy > s.cy
        ? [
            [s.cx, s.bottom],
            [t.cx, t.y],
          ]
        : [
            [s.cx, s.y],
            [t.cx, t.bottom],
          ];
    if (s.cy === t.cy)
      return [
        [s.right, s.cy],
        [t.x, t.cy],
      ];
    const mx = t.cx - 75;
    return [
      [s.right, s.cy],
      [mx, s.cy],
      [mx, t.cy],
      [t.x, t.cy],
    ];
  };
  const bounds = (b: { x: number; y: number; w: number; h: number }) =>
    `<dc:Bounds x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" />`;
  const noteBox = (n: Note) => ({ x: box(n.task).x, y: laneTop(n.task.lane) + 12, w: 100, h: 32 });

  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="${ids.definitions}" targetNamespace="urn:pandu-izin:workflow:${x(key)}:v${definition.version}" exporter="Pandu Izin">`,
    `  <collaboration id="${ids.collaboration}">`,
    `    <participant id="${ids.participant}" name="${x(definition.name.id)}" processRef="${ids.process}" />`,
    '  </collaboration>',
    `  <process id="${ids.process}" name="${x(definition.name.id)}" isExecutable="false">`,
    `    <documentation>${x(
      [
        definition.summary.id,
        definition.summary.en,
        `Sumber / source: ${definition.source}`,
        'Dasar hukum / legal basis:',
        ...legalLines(definition.legalBasis),
      ].join('\n'),
    )}</documentation>`,
    `    <laneSet id="LaneSet_${ids.process}">`,
  ];
  for (const lane of g.lanes) {
    out.push(`      <lane id="${lane.id}" name="${x(ROLE_NAMES[lane.role])}">`);
    for (const n of g.nodes.filter((n) => n.lane === lane.role))
      out.push(`        <flowNodeRef>${n.id}</flowNodeRef>`);
    out.push('      </lane>');
  }
  out.push('    </laneSet>');
  for (const n of g.nodes) {
    const def = n.defaultFlow ? ` default="${n.defaultFlow}"` : '';
    out.push(`    <${n.kind} id="${n.id}"${n.name ? ` name="${x(n.name)}"` : ''}${def}>`);
    if (n.docs) out.push(`      <documentation>${x(n.docs)}</documentation>`);
    for (const f of n.incoming) out.push(`      <incoming>${f}</incoming>`);
    for (const f of n.outgoing) out.push(`      <outgoing>${f}</outgoing>`);
    out.push(`    </${n.kind}>`);
  }
  for (const f of g.flows) {
    const head = `    <sequenceFlow id="${f.id}"${f.name ? ` name="${x(f.name)}"` : ''} sourceRef="${f.source.id}" targetRef="${f.target.id}"`;
    if (!f.condition) out.push(`${head} />`);
    else {
      out.push(`${head}>`);
      out.push(
        `      <conditionExpression xsi:type="tFormalExpression">${x(f.condition)}</conditionExpression>`,
      );
      out.push('    </sequenceFlow>');
    }
  }
  for (const n of g.notes) {
    out.push(`    <textAnnotation id="${n.id}">`, `      <text>${x(n.text)}</text>`, '    </textAnnotation>');
    out.push(`    <association id="${n.associationId}" sourceRef="${n.task.id}" targetRef="${n.id}" />`);
  }
  out.push('  </process>');

  out.push(`  <bpmndi:BPMNDiagram id="BPMNDiagram_${ids.process}">`);
  out.push(`    <bpmndi:BPMNPlane id="BPMNPlane_${ids.process}" bpmnElement="${ids.collaboration}">`);
  const shape = (id: string, b: Parameters<typeof bounds>[0], extra = '') =>
    `      <bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"${extra}>${bounds(b)}</bpmndi:BPMNShape>`;
  const poolHeight = Math.max(1, g.lanes.length) * LANE_H;
  out.push(shape(ids.participant, { x: 0, y: 0, w: width, h: poolHeight }, ' isHorizontal="true"'));
  g.lanes.forEach((lane, i) => {
    out.push(
      shape(
        lane.id,
        { x: POOL_LABEL, y: i * LANE_H, w: width - POOL_LABEL, h: LANE_H },
        ' isHorizontal="true"',
      ),
    );
  });
  for (const n of g.nodes) {
    out.push(shape(n.id, box(n), n.kind === 'exclusiveGateway' ? ' isMarkerVisible="true"' : ''));
  }
  for (const n of g.notes) out.push(shape(n.id, noteBox(n)));
  const edge = (id: string, points: Point[]) =>
    `      <bpmndi:BPMNEdge id="${id}_di" bpmnElement="${id}">${wp(points)}</bpmndi:BPMNEdge>`;
  for (const f of g.flows) out.push(edge(f.id, route(f)));
  for (const n of g.notes) {
    const t = box(n.task);
    const b = noteBox(n);
    out.push(
      edge(n.associationId, [
        [t.cx, t.y],
        [t.cx, b.y + b.h],
      ]),
    );
  }
  out.push('    </bpmndi:BPMNPlane>', '  </bpmndi:BPMNDiagram>', '</definitions>', '');
  return out.join('\n');
}
