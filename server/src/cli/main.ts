// imr-lint: checks IMR Final Determination letters from the command line.
// main() takes argv and streams and returns the exit code, so tests and other programs can run
// it in-process; bin/imr-lint.js calls runAsProcess(). Exit codes: 0 no errors; 1 errors, or
// more warnings than --max-warnings; 2 usage or I/O failure (2 wins).
import { availableParallelism, homedir } from 'node:os';
import * as path from 'node:path';
import { ruleById, type RuleSettings } from '../engine';
import { parseArgs, USAGE, type CliOptions } from './args';
import { checkContent, checkFile, type Counts, type FileOutcome } from './check';
import { BoundaryFinder, ConfigFinder, loadConfigFile, type ConfigResult } from '../config/discovery';
import { discover, displayPath, type LetterFile } from './discover';
import { makeReporter } from './format/make';
import { PieceJoiner, plural, safeForTerminal, type Notice, type Reporter } from './format/reporter';
import { OutputWriter } from './output';
import { decodeLetter, isPdf, MAX_LETTER_BYTES, readLetter, readPdf, type ReadResult } from './read';
import { isPdfName } from '../pdf/extract';
import { packageInfo } from '../packageInfo';
import { inShard } from './shard';
import { checkPool, startWorkerIfAny } from './workers';

export interface CliIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  cwd: string;
}

/** Files in flight ahead of the one being written, so that disk, workers and output overlap. */
const WINDOW_PER_THREAD = 32;
/** Below this many files, starting worker threads costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 400;
/**
 * A PDF costs about as much to read as 60 text letters (pdf.js, about 12 ms a page), and each
 * worker thread reads its PDFs in its own pdf.js worker: from this many PDFs, threads pay off.
 */
const MIN_PDFS_FOR_WORKERS = 16;
/** Threads for a run that has them for its PDFs only: each, with its pdf.js worker, adds about 95 MB at peak. */
const MAX_PDF_THREADS = 4;

/** Worker threads by default (no --jobs): one per core, at most 8, from 400 files; at most 4 from 16 PDFs; else none. */
export function defaultThreads(files: number, pdfs: number, cores: number): number {
  if (files >= MIN_FILES_FOR_WORKERS) return Math.min(cores, 8);
  if (pdfs >= MIN_PDFS_FOR_WORKERS) return Math.min(cores, MAX_PDF_THREADS);
  return 1;
}

const isRuleId = (id: string): boolean => ruleById(id) !== undefined;

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const out = new OutputWriter(io.stdout);
  const err = new OutputWriter(io.stderr);
  let code: number;
  try {
    code = await run(argv, io, out, err);
  } catch (error) {
    // Not a user's mistake: one line, no stack trace.
    const message = error instanceof Error ? error.message : String(error);
    await err.write(`imr-lint: internal error: ${safeForTerminal(oneLine(message))}\n`);
    code = 2;
  }
  await out.flush();
  if (out.failure !== null) {
    await err.write(`imr-lint: cannot write the output (${out.failure}): the report is incomplete\n`);
    code = 2;
  }
  await err.flush();
  return code;
}

async function run(argv: readonly string[], io: CliIO, out: OutputWriter, err: OutputWriter): Promise<number> {
  const parsed = parseArgs(argv, isRuleId);
  if (!parsed.ok) {
    await err.write(`imr-lint: ${parsed.error}\nRun "imr-lint --help" for usage.\n`);
    return 2;
  }
  const options = parsed.options;
  if (options.help) {
    await out.write(USAGE);
    return 0;
  }
  if (options.version) {
    await out.write(`${packageInfo().version}\n`);
    return 0;
  }

  if (options.printText) return printText(options, io, out, err);

  const configs = await configSource(options, io.cwd);
  if ('error' in configs) {
    await err.write(`imr-lint: ${configs.error}\n`);
    return 2;
  }

  const reporter = makeReporter(options.format, io.cwd);
  const session = new Session(reporter, out, err, io.cwd, Object.keys(options.ruleOverrides).length);
  await out.write(reporter.start());

  if (options.stdin) {
    const absPath = options.stdinFilename === null ? null : path.resolve(io.cwd, options.stdinFilename);
    const display = options.stdinFilename ?? '<stdin>';
    const bytes = await readAll(io.stdin, MAX_LETTER_BYTES);
    const settings = await session.settings(configs.forFolder(absPath ? path.dirname(absPath) : io.cwd), options.ruleOverrides);
    if (bytes === null) {
      const limit = `${MAX_LETTER_BYTES / (1024 * 1024)} MB`;
      await session.notice({ display, message: `standard input is over the ${limit} limit of a letter: stopped reading, nothing checked`, level: 'error' });
    } else if (settings) {
      let outcome: FileOutcome;
      try {
        const content = isPdf(options.stdinFilename, bytes) ? await readPdf(bytes) : decodeLetter(bytes);
        outcome = checkContent(content, { display, absPath, settings }, reporter);
      } catch (error) {
        outcome = { kind: 'skipped', message: `cannot be checked (${error instanceof Error ? error.name : 'error'})` };
      }
      await session.record(display, outcome);
    }
  } else {
    const found = await discover(options.paths, io.cwd);
    for (const p of found.problems) await session.notice({ display: p.display, message: p.message, level: p.fatal ? 'error' : 'warning' });
    const files = options.shard ? found.files.filter((f) => inShard(f.display, options.shard)) : found.files;
    if (found.files.length === 0 && found.problems.length === 0) {
      const where = options.paths.length === 1 ? options.paths[0] : `${options.paths.length} paths given`;
      await session.notice({ display: where, message: 'no letters found (.imr, .txt or .pdf files; folders are searched recursively)', level: 'error' });
    }
    await checkAll(files, options, io.cwd, configs, session);
  }
  return session.finish(options.maxWarnings);
}

/** --print-text: one letter's text (a PDF's as extracted) to standard output, or why not (exit 2). */
async function printText(options: CliOptions, io: CliIO, out: OutputWriter, err: OutputWriter): Promise<number> {
  let display: string;
  let content: ReadResult;
  if (options.stdin) {
    display = options.stdinFilename ?? '<stdin>';
    const bytes = await readAll(io.stdin, MAX_LETTER_BYTES);
    if (bytes === null) {
      await err.write(`${display}: standard input is over the ${MAX_LETTER_BYTES / (1024 * 1024)} MB limit of a letter: stopped reading\n`);
      return 2;
    }
    content = isPdf(options.stdinFilename, bytes) ? await readPdf(bytes) : decodeLetter(bytes);
  } else {
    display = options.paths[0];
    content = await readLetter(path.resolve(io.cwd, display));
  }
  if (content.kind === 'text') {
    await out.write(content.text);
    return 0;
  }
  await err.write(`${display}: ${content.kind === 'binary' ? 'not a text file (binary)' : content.message}\n`);
  return 2;
}

/**
 * Checks files in order with a window of work in flight: in worker threads for big runs, in
 * this thread otherwise. Output is written in file order as each result's turn comes.
 */
async function checkAll(files: readonly LetterFile[], options: CliOptions, cwd: string, configs: ConfigSource, session: Session): Promise<void> {
  const pdfs = files.filter((file) => isPdfName(file.absPath)).length;
  const threads = options.jobs ?? defaultThreads(files.length, pdfs, availableParallelism());
  const pool = threads > 1 ? checkPool(threads, __filename, { format: options.format, cwd }) : null;
  const reporter = session.reporter;
  try {
    const start = async (file: LetterFile): Promise<FileOutcome | null> => {
      const settings = await session.settings(configs.forFolder(path.dirname(file.absPath)), options.ruleOverrides);
      if (!settings) return null;
      const task = { display: file.display, absPath: file.absPath, settings };
      try {
        return await (pool ? pool.run(task) : checkFile(task, reporter));
      } catch (error) {
        // One file never costs the others, nor the output's closing (JSON and SARIF stay whole).
        return { kind: 'skipped', message: `cannot be checked (${error instanceof Error ? oneLine(error.message) : 'error'})` };
      }
    };
    const window: Array<Promise<FileOutcome | null>> = [];
    let next = 0;
    const fill = (): void => {
      while (window.length < WINDOW_PER_THREAD * threads && next < files.length) {
        const outcome = start(files[next++]);
        outcome.catch(() => undefined); // awaited in turn below; never an unhandled rejection
        window.push(outcome);
      }
    };
    fill();
    for (const file of files) {
      const outcome = await window.shift()!;
      if (session.outputClosed) break; // the reader went away (EPIPE): stop working for nobody
      fill();
      if (outcome) await session.record(file.display, outcome);
    }
    await Promise.allSettled(window);
  } finally {
    await pool?.close();
  }
}

interface ConfigSource {
  forFolder(folder: string): Promise<ConfigResult>;
}

/**
 * --config names one file for every letter; otherwise each letter's nearest .imr-lint.json up to
 * its repository root or the home folder (config/discovery.ts, shared with the server).
 */
async function configSource(options: CliOptions, cwd: string): Promise<ConfigSource | { error: string }> {
  if (options.configPath !== null) {
    const loaded = await loadConfigFile(path.resolve(cwd, options.configPath));
    if (!loaded.ok) return { error: `${options.configPath}: ${loaded.error.message}` };
    return { forFolder: () => Promise.resolve(loaded) };
  }
  const configs = new ConfigFinder();
  const boundaries = new BoundaryFinder(homeFolder());
  return { forFolder: async (folder) => configs.forFolder(folder, await boundaries.forFolder(folder)) };
}

function homeFolder(): string | null {
  try {
    return homedir() || null;
  } catch {
    return null;
  }
}

/** What the run has seen so far: totals, notices, and the output in order. */
class Session {
  private readonly counts: Counts = { error: 0, warning: 0, information: 0, hint: 0 };
  private files = 0;
  private filesWithProblems = 0;
  private readonly notices: Notice[] = [];
  /** The pieces of a collecting reporter (html), for its end(). */
  private readonly collected: string[] = [];
  private readonly badConfigs = new Set<string>();
  /** The config files that set the rules of at least one letter checked, in the order first used. */
  private readonly configsUsed = new Set<string>();
  private readonly joiner: PieceJoiner;

  constructor(
    readonly reporter: Reporter,
    private readonly out: OutputWriter,
    private readonly err: OutputWriter,
    private readonly cwd: string,
    private readonly ruleFlags: number,
  ) {
    this.joiner = new PieceJoiner(reporter.separator);
  }

  get outputClosed(): boolean {
    return this.out.closed;
  }

  async notice(notice: Notice): Promise<void> {
    this.notices.push(notice);
    await this.err.write(`${safeForTerminal(notice.display)}: ${safeForTerminal(notice.message)}\n`);
  }

  /** The settings for a file, or null when its config is broken (reported once per config). */
  async settings(config: Promise<ConfigResult>, overrides: RuleSettings): Promise<RuleSettings | null> {
    const result = await config;
    if (result.ok) {
      if (result.config) this.configsUsed.add(displayPath(result.config.path, this.cwd));
      return { ...result.config?.rules, ...overrides };
    }
    const { path: configPath, message } = result.error;
    if (!this.badConfigs.has(configPath)) {
      this.badConfigs.add(configPath);
      await this.notice({ display: displayPath(configPath, this.cwd), message: `${message}; files under it are not checked`, level: 'error' });
    }
    return null;
  }

  async record(display: string, outcome: FileOutcome): Promise<void> {
    if (outcome.kind === 'skipped') return this.notice({ display, message: outcome.message, level: 'error' });
    if (outcome.warning) await this.notice({ display, message: outcome.warning, level: 'warning' });
    this.files++;
    if (outcome.problems > 0) this.filesWithProblems++;
    for (const severity of Object.keys(this.counts) as Array<keyof Counts>) this.counts[severity] += outcome.counts[severity];
    if (this.reporter.collect) this.collected.push(...outcome.pieces);
    else await this.out.write(this.joiner.join(outcome.pieces));
  }

  async finish(maxWarnings: number | null): Promise<number> {
    const tooManyWarnings = maxWarnings !== null && this.counts.warning > maxWarnings;
    const failed = this.out.closed || this.notices.some((n) => n.level === 'error');
    const exitCode = failed ? 2 : this.counts.error > 0 || tooManyWarnings ? 1 : 0;
    const totals = { files: this.files, filesWithProblems: this.filesWithProblems, counts: this.counts };
    const configuration = { files: [...this.configsUsed], ruleFlags: this.ruleFlags };
    await this.out.write(this.reporter.end({ totals, notices: this.notices, exitCode, configuration }, this.collected));
    if (tooManyWarnings) {
      await this.err.write(`imr-lint: ${plural(this.counts.warning, 'warning')}, more than --max-warnings ${maxWarnings}\n`);
    }
    return exitCode;
  }
}

/** All of a stream, or null as soon as it is over `limit` bytes (the rest is not read). */
async function readAll(stream: NodeJS.ReadableStream, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    length += bytes.length;
    if (length > limit) return null;
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Runs as a program: real streams, exit code through process.exitCode so stdout drains first. */
export function runAsProcess(): void {
  const io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd() };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = 2;
    },
  );
}

// This file is the bundle's entry (dist/cli.js) and also the script of the worker threads.
if (!startWorkerIfAny() && require.main === module) runAsProcess();
