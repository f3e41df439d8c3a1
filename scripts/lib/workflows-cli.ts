/**
 * `npm run workflows -- <command>`: the workflow-engine plugin from the command line. All the
 * logic is behind `run(argv, io)` so tests drive it in memory; scripts/workflows.ts only wires
 * it to the process. Exit codes: 0 success, 2 bad input (always a clear message on stderr in
 * the chosen language), 1 a bug (one line, never a stack trace).
 */
import {
  CATALOG,
  CATALOG_FILES,
  createEngine,
  loadCatalog,
  localDate,
  type PermitDefinition,
  REGIONS,
  validateDefinition,
} from '../../machines';
import { exportBpmn } from '../../machines/export/bpmn';
import {
  type Args,
  CliError,
  dateArg,
  fail,
  firstLine,
  langOf,
  noMoreThan,
  parseArgs,
  readJson,
  regionArg,
  workflowArg,
} from './workflows-args';
import { assessDoc, assessText, regionJson, showDoc, showText } from './workflows-describe';
import {
  fillTimes,
  isStrictTimestamp,
  malformedEvents,
  type Simulation,
  simulateEvents,
  simulateHappyPath,
  timestampAt,
} from './workflows-simulate';
import { both, CONNECTIVITY, LANGS, type Lang, t, table } from './workflows-text';
import { formatSimulation, usage } from './workflows-view';

export interface CliIo {
  /** One block of standard output (the entry adds the final newline). */
  out(s: string): void;
  /** One block of standard error. */
  err(s: string): void;
  /** Reads a UTF-8 file; throws like node:fs (ENOENT …) when it cannot. */
  readFile(path: string): string;
  /** The clock, read only by `assess` without --date. Default: the system clock. */
  now?(): Date;
}

interface Ctx {
  io: CliIo;
  lang: Lang;
  /** --lang was given: print only that language where both would otherwise show. */
  langGiven: boolean;
  json: boolean;
  args: Args;
}

/** One JSON document with --json, else the text lines. */
const emit = (ctx: Ctx, doc: Record<string, unknown>, text: () => string[]) => {
  ctx.io.out(ctx.json ? JSON.stringify({ ok: true, ...doc }, null, 2) : text().join('\n'));
};

const stepsOf = (d: PermitDefinition) => d.stages.flatMap((s) => s.steps);

function list(ctx: Ctx): number {
  noMoreThan('list', ctx.args.positionals, 0);
  const { lang } = ctx;
  const rows = CATALOG.map((d) => ({
    id: d.id,
    version: d.version,
    name: d.name,
    stages: d.stages.length,
    steps: stepsOf(d).length,
  }));
  emit(ctx, { workflows: rows }, () => [
    t(lang, 'list.title', { count: rows.length }),
    ...table(
      [
        t(lang, 'list.head').split('|'),
        ...rows.map((r) => [r.id, r.name[lang], String(r.stages), String(r.steps)]),
      ],
      [false, false, true, true],
    ),
  ]);
  return 0;
}

function regions(ctx: Ctx): number {
  noMoreThan('regions', ctx.args.positionals, 0);
  const { lang } = ctx;
  emit(ctx, { regions: REGIONS.map(regionJson) }, () => [
    t(lang, 'regions.title', { count: REGIONS.length }),
    ...table(
      [
        t(lang, 'regions.head').split('|'),
        ...REGIONS.map((r) => [
          r.code,
          r.name[lang],
          CONNECTIVITY[r.connectivity][lang],
          String(r.daerahTertinggal.count),
          r.wfaStart.date,
        ]),
      ],
      [false, false, false, true, false],
    ),
    '',
    t(lang, 'regions.note'),
  ]);
  return 0;
}

function show(ctx: Ctx): number {
  const d = workflowArg('show', ctx.args.positionals);
  emit(ctx, { workflow: showDoc(d) }, () => showText(ctx.lang, d));
  return 0;
}

function validate(ctx: Ctx): number {
  noMoreThan('validate', ctx.args.positionals, 1);
  const [file] = ctx.args.positionals;
  const { lang, io } = ctx;
  const source = file ?? 'catalog';
  if (file === undefined) {
    const r = loadCatalog(CATALOG_FILES);
    if (r.ok) {
      const ids = r.value.map((d) => d.id);
      emit(ctx, { source, workflows: ids }, () => [
        t(lang, 'validate.catalogOk', { count: ids.length, ids: ids.join(', ') }),
      ]);
      return 0;
    }
    return invalid(ctx, source, r.errors, both('err.invalidCatalog', { count: r.errors.length }));
  }
  const r = validateDefinition(readJson(io.readFile, file));
  if (!r.ok)
    return invalid(ctx, source, r.errors, both('err.invalidDefinition', { file, count: r.errors.length }));
  const d = r.value;
  emit(ctx, { source, workflows: [d.id] }, () => [
    t(lang, 'validate.fileOk', {
      file,
      id: d.id,
      version: d.version,
      stages: d.stages.length,
      steps: stepsOf(d).length,
    }),
  ]);
  return 0;
}

/** Every error as `path: problem — fix`; both languages unless --lang picked one. */
function invalid(
  ctx: Ctx,
  source: string,
  errors: readonly { path: string; problem: Record<Lang, string>; fix: Record<Lang, string> }[],
  summary: Record<Lang, string>,
): number {
  const langs: readonly Lang[] = ctx.langGiven ? [ctx.lang] : LANGS;
  const doc = { ok: false, source, errors };
  ctx.io.out(
    ctx.json
      ? JSON.stringify(doc, null, 2)
      : [
          t(ctx.lang, 'validate.errors', { count: errors.length }),
          ...errors.flatMap((e) =>
            langs.map((l, k) => `${k === 0 ? '' : '  '}${e.path}: ${e.problem[l]} — ${e.fix[l]}`),
          ),
        ].join('\n'),
  );
  ctx.io.err(summary[ctx.lang]);
  return 2;
}

function assess(ctx: Ctx): number {
  const { options, positionals } = ctx.args;
  const d = workflowArg('assess', positionals);
  const region = regionArg('assess', options.region, true);
  const given = dateArg(options.date);
  // The one place the CLI reads a clock: "today" where the region is.
  const date = given ?? localDate((ctx.io.now?.() ?? new Date()).toISOString(), region.utcOffsetHours);
  const doc = { ...assessDoc(d, region, date), date, dateSource: given ? 'option' : 'today' };
  emit(ctx, doc, () => assessText(ctx.lang, d, region, { value: date, given: given !== undefined }));
  return 0;
}

const DEFAULT_RECEIVED = '2026-11-02T08:00:00+07:00';

async function simulate(ctx: Ctx): Promise<number> {
  const { options, positionals } = ctx.args;
  const d = workflowArg('simulate', positionals);
  const region = regionArg('simulate', options.region, true);
  const given = options.received === undefined ? DEFAULT_RECEIVED : String(options.received);
  if (!isStrictTimestamp(given)) fail('bad-timestamp', 'err.badReceived', { value: given });
  // The same instant in the region's own time, so every time printed reads alike.
  const received = timestampAt(Date.parse(given), region.utcOffsetHours);
  const engine = createEngine();
  const start = engine.createCase({
    id: `SIM-${d.id}-${region.code}`,
    permitId: d.id,
    region: region.code,
    receivedAt: received,
  });
  const file = options.events === undefined ? undefined : String(options.events);
  let sim: Simulation;
  if (file === undefined) {
    sim = await simulateHappyPath(engine, start, region.utcOffsetHours);
  } else {
    const raw = readJson(ctx.io.readFile, file);
    if (!Array.isArray(raw)) fail('bad-events', 'err.eventsNotArray', { file });
    const events = fillTimes(raw as unknown[], received, region.utcOffsetHours);
    // Malformed events are bad input: refuse the whole file, naming each one, before running any.
    const bad = malformedEvents(engine, start, events);
    if (bad.length > 0) {
      const line = (b: (typeof bad)[number], lang: Lang) =>
        t(lang, 'err.badEvent', { index: b.index, type: b.type, problem: b.problem[lang] });
      throw new CliError(
        'bad-events',
        both('err.badEvents', { file, count: bad.length }),
        { errors: bad },
        bad.map((b) => ({ id: line(b, 'id'), en: line(b, 'en') })),
      );
    }
    sim = await simulateEvents(engine, start, events);
  }
  const doc = {
    workflow: { id: d.id, version: d.version, name: d.name },
    region: regionJson(region),
    source: file ?? 'happy-path',
    receivedAt: received,
    now: sim.now,
    events: { total: sim.total, accepted: sim.log.length, rejected: sim.rejected },
    chain: { length: sim.log.length, head: sim.log.at(-1)?.hash ?? null, verified: sim.chainVerified },
    log: sim.log,
    view: sim.view,
    case: sim.case.persisted,
  };
  const shown = received === given ? received : `${received} (= ${given})`;
  emit(ctx, doc, () => formatSimulation(ctx.lang, { definition: d, region, file, received: shown, sim }));
  return 0;
}

function exportCommand(ctx: Ctx): number {
  const { options, positionals } = ctx.args;
  const d = workflowArg('export-bpmn', positionals);
  const region = regionArg('export-bpmn', options.region, false);
  const date = dateArg(options.date);
  // No clock here: a region is weighed on the date the caller names.
  if (region && !date) fail('missing-date', 'err.bpmnNeedsDate');
  if (date && !region) fail('missing-region', 'err.bpmnNeedsRegion');
  const xml = exportBpmn(d, region && date ? { region, date } : {});
  if (ctx.json)
    emit(ctx, { workflow: d.id, region: region?.code ?? null, date: date ?? null, xml }, () => []);
  else ctx.io.out(xml.replace(/\n$/, ''));
  return 0;
}

/** Runs one CLI invocation and returns its exit code; never throws. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { lang, given } = langOf(argv);
  const ctx: Ctx = {
    io,
    lang,
    langGiven: given,
    json: argv.includes('--json'),
    args: { command: undefined, positionals: [], options: {} },
  };
  try {
    ctx.args = parseArgs(argv);
    const { command, options } = ctx.args;
    if (options.help || command === 'help') {
      if (ctx.json) emit(ctx, { usage: usage(lang) }, () => []);
      else io.out(usage(lang));
      return 0;
    }
    switch (command) {
      case undefined:
        if (!ctx.json) io.out(usage(lang));
        return fail('no-command', 'err.noCommand');
      case 'list':
        return list(ctx);
      case 'regions':
        return regions(ctx);
      case 'show':
        return show(ctx);
      case 'validate':
        return validate(ctx);
      case 'assess':
        return assess(ctx);
      case 'simulate':
        return await simulate(ctx);
      case 'export-bpmn':
        return exportCommand(ctx);
    }
  } catch (error) {
    if (error instanceof CliError) {
      io.err([error.text, ...error.lines].map((x) => x[lang]).join('\n'));
      if (ctx.json) {
        const doc = { ok: false, error: { code: error.code, message: error.text, ...error.extra } };
        io.out(JSON.stringify(doc, null, 2));
      }
      return 2;
    }
    io.err(t(lang, 'err.internal', { detail: firstLine(error) }));
    if (ctx.json) {
      // A script reading --json output gets JSON even when we fail unexpectedly.
      const message = {
        id: t('id', 'err.internal', { detail: firstLine(error) }),
        en: t('en', 'err.internal', { detail: firstLine(error) }),
      };
      io.out(JSON.stringify({ ok: false, error: { code: 'internal', message } }, null, 2));
    }
    return 1;
  }
}
