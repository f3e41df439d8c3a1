/**
 * Arguments of `npm run workflows`: a small parser (no dependency) that knows which options
 * each command takes, and the checks that turn argument text into catalog objects. Every
 * problem is a CliError with the message in both languages; the CLI prints the chosen one.
 */
import {
  CATALOG,
  findRegion,
  isIsoDate,
  type LocalizedText,
  type PermitDefinition,
  type RegionProfile,
} from '../../machines';
import { both, LANGS, type Lang, type MessageKey } from './workflows-text';

/** Bad input (exit code 2): a message in both languages, plus anything --json should carry. */
export class CliError extends Error {
  constructor(
    readonly code: string,
    readonly text: LocalizedText,
    readonly extra: Record<string, unknown> = {},
    /** Further lines for stderr (e.g. each malformed event). */
    readonly lines: LocalizedText[] = [],
  ) {
    super(text.en);
    this.name = 'CliError';
  }
}

export function fail(
  code: string,
  key: MessageKey,
  params: Record<string, string | number> = {},
  extra?: Record<string, unknown>,
): never {
  throw new CliError(code, both(key, params), extra);
}

export type OptionName = 'json' | 'lang' | 'help' | 'region' | 'date' | 'events' | 'received';

/** Options that take a value carry an example for the "needs a value" message. */
const OPTIONS: Record<OptionName, { example?: string }> = {
  json: {},
  help: {},
  lang: { example: 'en' },
  region: { example: '31' },
  date: { example: '2027-01-15' },
  events: { example: 'kasus.json' },
  received: { example: '2026-11-02T08:00:00+07:00' },
};
const GLOBAL: readonly OptionName[] = ['json', 'lang', 'help'];

export const COMMANDS = {
  list: [],
  regions: [],
  show: [],
  validate: [],
  assess: ['region', 'date'],
  simulate: ['region', 'events', 'received'],
  'export-bpmn': ['region', 'date'],
  help: [],
} as const satisfies Record<string, readonly OptionName[]>;
export type Command = keyof typeof COMMANDS;
const isCommand = (s: string): s is Command => Object.hasOwn(COMMANDS, s);
const isOption = (s: string): s is OptionName => Object.hasOwn(OPTIONS, s);

export interface Args {
  command: Command | undefined;
  positionals: string[];
  options: Partial<Record<OptionName, string | true>>;
}

/** --lang, read before parsing so that even an argument error speaks the chosen language. */
export function langOf(argv: readonly string[]): { lang: Lang; given: boolean } {
  const i = argv.indexOf('--lang');
  const value = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7);
  return { lang: value === 'en' ? 'en' : 'id', given: value !== undefined };
}

function checkAllowed(command: string, option: OptionName, as: string): void {
  if (!isCommand(command)) return;
  const allowed: readonly OptionName[] = [...COMMANDS[command], ...GLOBAL];
  if (allowed.includes(option)) return;
  fail('unknown-option', 'err.unknownOption', {
    option: as,
    command,
    known: allowed.map((o) => `--${o}`).join(', '),
  });
}

/** `<command> [positionals] [--option value | --option=value | --flag]`, options anywhere. */
export function parseArgs(argv: readonly string[]): Args {
  const args: Args = { command: undefined, positionals: [], options: {} };
  const words: string[] = [];
  const given: { name: OptionName; as: string }[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      words.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h') {
      args.options.help = true;
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      words.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const as = eq >= 0 ? arg.slice(0, eq) : arg;
    const name = as.slice(2);
    if (!arg.startsWith('--') || !isOption(name)) {
      const command = words[0] ?? '';
      const allowed = isCommand(command) ? [...COMMANDS[command], ...GLOBAL] : GLOBAL;
      fail('unknown-option', 'err.unknownOption', {
        option: as,
        command: command || 'workflows',
        known: allowed.map((o) => `--${o}`).join(', '),
      });
    }
    const option = name as OptionName;
    checkAllowed(words[0] ?? '', option, as);
    if (args.options[option] !== undefined) fail('option-twice', 'err.optionTwice', { option: as });
    const example = OPTIONS[option].example;
    if (example === undefined) {
      if (eq >= 0) fail('bad-option', 'err.flagTakesNoValue', { option: as });
      args.options[option] = true;
    } else {
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) {
        fail('bad-option', 'err.optionNeedsValue', { option: as, example });
      }
      args.options[option] = value as string;
    }
    given.push({ name: option, as });
  }
  const lang = args.options.lang;
  if (typeof lang === 'string' && !LANGS.includes(lang as Lang)) fail('bad-lang', 'err.badLang', { lang });
  const [first, ...rest] = words;
  if (first !== undefined) {
    if (!isCommand(first)) {
      fail('unknown-command', 'err.unknownCommand', {
        command: first,
        known: Object.keys(COMMANDS).join(', '),
      });
    }
    // Options given before the command name are checked now that it is known.
    for (const o of given) checkAllowed(first, o.name, o.as);
    args.command = first as Command;
  }
  args.positionals = rest;
  return args;
}

/** No positional beyond the first `count`. */
export function noMoreThan(command: Command, positionals: readonly string[], count: number): void {
  const extra = positionals[count];
  if (extra !== undefined) fail('bad-argument', 'err.extraArgument', { arg: extra, command });
}

const knownIds = () => CATALOG.map((d) => d.id).join(', ');

/** The workflow named by the first positional; unknown ids list the known ones. */
export function workflowArg(command: Command, positionals: readonly string[]): PermitDefinition {
  noMoreThan(command, positionals, 1);
  const [id] = positionals;
  if (id === undefined) return fail('missing-workflow', 'err.missingId', { command, known: knownIds() });
  const known = CATALOG.map((x) => x.id);
  return (
    CATALOG.find((x) => x.id === id) ??
    fail('unknown-workflow', 'err.unknownWorkflow', { id, known: knownIds() }, { known })
  );
}

export function regionArg(command: Command, value: string | true | undefined, required: true): RegionProfile;
export function regionArg(
  command: Command,
  value: string | true | undefined,
  required: false,
): RegionProfile | undefined;
export function regionArg(command: Command, value: string | true | undefined, required: boolean) {
  if (value === undefined) {
    return required ? fail('missing-region', 'err.missingRegion', { command }) : undefined;
  }
  // findRegion also takes the exact Indonesian name; the BPS code is what we advertise.
  return findRegion(String(value)) ?? fail('unknown-region', 'err.unknownRegion', { code: String(value) });
}

export function dateArg(value: string | true | undefined): string | undefined {
  if (value === undefined) return undefined;
  const date = String(value);
  return isIsoDate(date) ? date : fail('bad-date', 'err.badDate', { date });
}

export const firstLine = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';

/** Parsed JSON from a file; a missing file, an unreadable one or bad JSON is bad input. */
export function readJson(readFile: (path: string) => string, file: string): unknown {
  let text: string;
  try {
    text = readFile(file);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT') fail('file-missing', 'err.fileMissing', { file });
    return fail('file-unreadable', 'err.fileUnreadable', { file, reason: firstLine(error) });
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail('bad-json', 'err.badJson', { file, reason: firstLine(error) });
  }
}
