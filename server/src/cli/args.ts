// Command-line arguments, parsed by hand: the CLI has no runtime dependency but the engine.
import type { SeveritySetting } from '../engine';
import { isSeveritySetting, SEVERITY_SETTINGS } from '../shared/protocol';
import { parseShard, type Shard } from './shard';

export type OutputFormat = 'text' | 'json' | 'sarif' | 'csv' | 'jsonl' | 'html';

export interface CliOptions {
  format: OutputFormat;
  stdin: boolean;
  stdinFilename: string | null;
  /** null: no limit. */
  maxWarnings: number | null;
  /** --rule flags in the order given; the last one for an id wins. */
  ruleOverrides: Record<string, SeveritySetting>;
  configPath: string | null;
  /** Worker threads; null: decided by the number of files and cores. */
  jobs: number | null;
  /** --shard I/N: only the files of shard I; null: all. */
  shard: Shard | null;
  help: boolean;
  version: boolean;
  /** Write the letter's text (a PDF's extracted text) instead of checking it. */
  printText: boolean;
  paths: string[];
}

/** Worker threads at most: each holds its own engine; more than a machine's cores only add memory. */
export const MAX_JOBS = 32;

export type ParsedArgs = { ok: true; options: CliOptions } | { ok: false; error: string };

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif', 'csv', 'jsonl', 'html'];
/** Options that take a value, as `--name value` or `--name=value`. */
const VALUED = new Set(['--format', '--stdin-filename', '--max-warnings', '--rule', '--config', '--jobs', '--shard']);

export const USAGE = `Usage: imr-lint [options] <files or folders...>

Checks IMR Final Determination letters: their PDFs, or text extracted from them.
Folders are searched recursively for .imr, .txt and .pdf files. For a PDF, each
problem also gives its page; lines and columns are those of the extracted text.

Options:
  --format FORMAT            text, json, sarif, or the decisions table, one row per
                             item: csv, jsonl; or html, a one-page summary (default: text)
  --stdin                    read one letter (at most 64 MB) from standard input
  --stdin-filename PATH      the path to report (and find .imr-lint.json from) for --stdin
  --max-warnings N           exit 1 when there are more than N warnings
  --rule ID=SEVERITY         set a rule's severity: error, warning, information, hint or off
                             (repeatable; overrides .imr-lint.json)
  --config PATH              use this config file instead of looking for .imr-lint.json
  --jobs N                   worker threads, 1 to 32 (default: one per core for 400 files or
                             more, up to 4 for 16 PDFs or more, else none)
  --print-text               write the text of one letter (a PDF's extracted text) to
                             standard output instead of checking it
  --shard I/N                check only shard I of N (1-based): a fixed share of the files,
                             by path, so N jobs split an archive without overlap
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 no errors; 1 errors, or more warnings than --max-warnings; 2 usage or I/O failure.
`;

/** `isRuleId` comes from the engine's registry, so the parser stays testable without it. */
export function parseArgs(argv: readonly string[], isRuleId: (id: string) => boolean): ParsedArgs {
  const options: CliOptions = {
    format: 'text',
    stdin: false,
    stdinFilename: null,
    maxWarnings: null,
    ruleOverrides: {},
    configPath: null,
    jobs: null,
    shard: null,
    help: false,
    version: false,
    printText: false,
    paths: [],
  };
  const fail = (error: string): ParsedArgs => ({ ok: false, error });

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      options.paths.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      options.paths.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    let value: string | undefined;
    if (VALUED.has(name)) {
      if (name !== arg) value = arg.slice(eq + 1);
      else if (i + 1 < argv.length) value = argv[++i];
      else return fail(`option ${name} needs a value`);
    } else if (name !== arg) {
      return fail(`option ${name} takes no value`);
    }

    switch (name) {
      case '-h':
      case '--help':
        options.help = true;
        break;
      case '-v':
      case '--version':
        options.version = true;
        break;
      case '--stdin':
        options.stdin = true;
        break;
      case '--print-text':
        options.printText = true;
        break;
      case '--format':
        if (!(FORMATS as readonly string[]).includes(value!)) {
          return fail(`unknown format "${value}" (expected ${FORMATS.join(', ')})`);
        }
        options.format = value as OutputFormat;
        break;
      case '--stdin-filename':
        if (!value) return fail('option --stdin-filename needs a path');
        options.stdinFilename = value;
        break;
      case '--max-warnings': {
        if (!/^\d{1,9}$/.test(value!)) return fail(`--max-warnings needs a whole number >= 0, not "${value}"`);
        options.maxWarnings = Number(value);
        break;
      }
      case '--rule': {
        const parsed = parseRuleFlag(value!, isRuleId);
        if (typeof parsed === 'string') return fail(parsed);
        options.ruleOverrides[parsed.id] = parsed.severity;
        break;
      }
      case '--jobs':
        if (!/^\d{1,9}$/.test(value!) || Number(value) < 1 || Number(value) > MAX_JOBS) {
          return fail(`--jobs needs a whole number from 1 to ${MAX_JOBS} (each is a thread), not "${value}"`);
        }
        options.jobs = Number(value);
        break;
      case '--shard': {
        const shard = parseShard(value!);
        if (typeof shard === 'string') return fail(shard);
        options.shard = shard;
        break;
      }
      case '--config':
        if (!value) return fail('option --config needs a path');
        options.configPath = value;
        break;
      default:
        return fail(`unknown option ${name}`);
    }
  }

  if (options.help || options.version) return { ok: true, options };
  if (options.stdin && options.paths.length > 0) return fail('--stdin reads one letter from standard input: give no paths with it');
  if (options.stdin && options.shard !== null) return fail('--shard splits files: it cannot be used with --stdin');
  if (!options.stdin && options.stdinFilename !== null) return fail('--stdin-filename needs --stdin');
  if (!options.stdin && options.paths.length === 0) return fail('no files or folders given');
  if (options.printText && options.paths.length > 1) return fail('--print-text writes the text of one letter: give one file');
  return { ok: true, options };
}

/** `id=severity`, checked against the registry; returns an error message when invalid. */
function parseRuleFlag(value: string, isRuleId: (id: string) => boolean): { id: string; severity: SeveritySetting } | string {
  const eq = value.indexOf('=');
  if (eq <= 0) return `--rule needs ID=SEVERITY, not "${value}"`;
  const id = value.slice(0, eq).trim();
  const severity = value.slice(eq + 1).trim();
  if (!isRuleId(id)) return `unknown rule "${id}" in --rule`;
  if (!isSeveritySetting(severity)) {
    return `unknown severity "${severity}" for rule ${id} (expected ${SEVERITY_SETTINGS.join(', ')})`;
  }
  return { id, severity };
}
