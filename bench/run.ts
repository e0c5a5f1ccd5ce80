// npm run bench: the engine, the language server, the CLI and the extension against the targets of
// issue 6 (and issue 3's corpus target), each timing beside its floor measured in the same run.
// Prints tables and writes bench/results.json. Usage: node out/bench/run.js [--only engine,server,cli]
import { SERVER_NODE_FLAGS } from '../server/src/shared/protocol';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { benchCli, removeFolder, writeGeneratedLetters, type CliResult } from './cli-bench';
import { benchEngine, engineSink, type EngineResult } from './engine-bench';
import { benchHostile, hostileSink } from './hostile-bench';
import { benchWorkspace } from './workspace-bench';
import { oneMegabyteLetter, tenMegabyteLetter, typicalLetter, utf8Length } from './generate';
import { benchPdf } from './pdf-bench';
import { benchLatency, benchMemory, benchResponsiveness, benchServerStart, type ServerResult } from './server-bench';
import { describeMachine, fmtMB, fmtMs, MB, now, round, table } from './stats';

const root = resolve(__dirname, '..', '..');
const serverPath = join(root, 'dist', 'server.js');
const cliPath = join(root, 'bin', 'imr-lint.js');
const corpus = resolve(root, '..', 'shared', 'corpus', 'letters');
const corpusPdf = resolve(process.env.IMR_SHARED ?? resolve(root, '..', 'shared'), 'corpus', 'pdf');

interface Target {
  measure: string;
  target: string;
  measured: string;
  met: boolean | null;
}

function parseOnly(argv: readonly string[]): Set<string> {
  const i = argv.indexOf('--only');
  const parts = i >= 0 ? (argv[i + 1] ?? '').split(',') : ['engine', 'server', 'cli', 'pdf', 'workspace', 'extension'];
  return new Set(parts.map((p) => p.trim()).filter(Boolean));
}

function say(text: string): void {
  process.stdout.write(`${text}\n`);
}

async function main(): Promise<void> {
  const only = parseOnly(process.argv.slice(2));
  const started = now();
  const machine = describeMachine();
  say(`imr-letters benchmark: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB, node ${machine.node}, load ${machine.loadAverageAtStart.join(' ')}`);

  const letters = { typical: typicalLetter(1), '1 MB': oneMegabyteLetter(), '10 MB': tenMegabyteLetter() };
  const targets: Target[] = [];
  const results: Record<string, unknown> = { machine, startedAt: new Date().toISOString() };

  // --- engine -------------------------------------------------------------------------------
  let engine: EngineResult[] = [];
  if (only.has('engine')) {
    engine = [await benchEngine('typical', letters.typical, 15), await benchEngine('1 MB', letters['1 MB'], 15), await benchEngine('10 MB', letters['10 MB'], 7)];
    say('\nEngine: parse + all rules, beside the floor (split into lines + one regex test per line), medians');
    say(table(
      ['letter', 'size', 'items', 'runs', 'engine', 'of it GC', 'floor', 'ratio', 'engine MB/s', 'floor MB/s', 'engine ms/MB', 'without GC'],
      engine.map((e) => [e.size, fmtMB(e.bytes), String(e.items), String(e.runs), fmtMs(e.engineMs), fmtMs(e.engineGcMs), fmtMs(e.floorMs), `${round(e.ratio, 2)}x`, String(round(e.engineMBps, 1)), String(round(e.floorMBps, 1)), String(round(e.engineMsPerMB, 1)), String(round((e.engineMs - e.engineGcMs) / (e.bytes / MB), 1))]),
    ));
    const oneMB = engine[1];
    const growth = engine[2].engineMsPerMB / engine[1].engineMsPerMB;
    const withoutGc = (e: EngineResult) => (e.engineMs - e.engineGcMs) / (e.bytes / MB);
    const growthWithoutGc = withoutGc(engine[2]) / withoutGc(engine[1]);
    say(`Growth: ${engine.map((e) => round(e.engineMsPerMB, 1)).join(' / ')} ms per MB at 20 KB / 1 MB / 10 MB: 10 MB costs ${round(growth, 2)}x per MB what 1 MB costs (1.0 = linear); without GC ${round(growthWithoutGc, 2)}x`);
    targets.push({ measure: 'parse + rules, 1 MB', target: 'at most 3x the floor', measured: `${round(oneMB.ratio, 2)}x (${fmtMs(oneMB.engineMs)} vs ${fmtMs(oneMB.floorMs)})`, met: oneMB.ratio <= 3 });
    targets.push({ measure: 'cost grows linearly (ms per MB, 10 MB vs 1 MB)', target: 'at most 1.5x', measured: `${round(growth, 2)}x (${round(growthWithoutGc, 2)}x without GC)`, met: growth <= 1.5 });
    results.engine = { results: engine, growth10vs1: growth, growth10vs1WithoutGc: growthWithoutGc, sink: engineSink() };
  }

  // --- hostile shapes (issue 13) -------------------------------------------------------------
  if (only.has('engine') || only.has('hostile')) {
    const hostile = benchHostile(2, 16, 5);
    say('\nEngine on hostile shapes: cost per MB at 2 MB and at 16 MB (medians of 5, sizes interleaved; 1.0x = linear; items and diagnostics are capped per letter, see README)');
    say(table(
      ['shape', '2 MB: ms per MB', '16 MB: ms per MB', '16 MB vs 2 MB'],
      hostile.map((h) => [h.shape, String(round(h.smallMsPerMB, 1)), String(round(h.largeMsPerMB, 1)), `${round(h.growth, 2)}x`]),
    ));
    const worst = hostile.reduce((a, b) => (b.growth > a.growth ? b : a));
    targets.push({ measure: 'hostile shapes: cost per MB, 16 MB vs 2 MB', target: 'at most 2x', measured: `worst ${round(worst.growth, 2)}x (${worst.shape})`, met: worst.growth <= 2 });
    results.hostile = { results: hostile, sink: hostileSink() };
  }

  // --- server -------------------------------------------------------------------------------
  if (only.has('server')) {
    if (!existsSync(serverPath)) {
      say(`\nServer: ${serverPath} is missing (run npm run build first); skipped`);
    } else {
      const start = await benchServerStart(serverPath, 7);
      const latency = [
        await benchLatency(serverPath, 'typical', letters.typical, 40, 20),
        await benchLatency(serverPath, '1 MB', letters['1 MB'], 20, 10),
        await benchLatency(serverPath, '10 MB', letters['10 MB'], 5, 3),
      ];
      const memory = await benchMemory(serverPath, [0, 1, 100, 1000]);
      const responsiveness = await benchResponsiveness(serverPath, letters['10 MB'], 3);
      const server: ServerResult = { startToInitializeMs: start, latency, memory, responsiveness };
      results.server = server;
      say(`\nServer over stdio (node ${SERVER_NODE_FLAGS.join(' ')} dist/server.js --stdio, as the launchers start it): start to initialize answer ${fmtMs(start.median)}; floor (node started, echoing one byte) ${fmtMs(start.floorMedian)}; medians of ${start.samples.length}`);
      const lintMs = (size: string) => engine.find((e) => e.size === size)?.engineMs ?? Number.NaN;
      say(table(
        ['letter', 'opens/edits', 'didOpen p50', 'p95', 'didChange p50', 'p95', 'floor: lint', 'documentSymbol p50', 'p95', 'symbols'],
        latency.map((l) => [l.size, `${l.openSamples}/${l.samples}`, fmtMs(l.openP50), fmtMs(l.openP95), fmtMs(l.changeP50), fmtMs(l.changeP95), fmtMs(lintMs(l.size)), fmtMs(l.symbolP50), fmtMs(l.symbolP95), String(l.symbols)]),
      ));
      say('(didChange: one character typed, until the publishDiagnostics of that version; floor: the engine alone on that letter, from the engine table; documentSymbol after the diagnostics, analysis cached; letters over 1 MB are debounced by the server)');
      say(`Resident memory (VmRSS): ${memory.map((m) => `${m.open} open: ${round(m.residentMB, 1)} MB`).join('; ')} (0 open is the floor)`);
      say(`10 MB letter opened, then documentSymbol on a small letter: answered in ${fmtMs(responsiveness.smallSymbolMedianMs)} while the 10 MB diagnostics took ${fmtMs(responsiveness.bigDiagnosticsMedianMs)} (medians of ${responsiveness.smallSymbolMs.length})`);
      const typical = latency[0];
      const mb = latency[1];
      const thousand = memory.find((m) => m.open === 1000);
      targets.push({ measure: 'didChange to diagnostics, typical letter, p95', target: 'under 5 ms', measured: fmtMs(typical.changeP95), met: typical.changeP95 < 5 });
      targets.push({ measure: 'didChange to diagnostics, 1 MB letter, p95', target: 'under 50 ms', measured: fmtMs(mb.changeP95), met: mb.changeP95 < 50 });
      targets.push({ measure: 'server start to initialize answer', target: 'under 150 ms', measured: fmtMs(start.median), met: start.median < 150 });
      if (thousand) targets.push({ measure: 'memory, 1,000 typical letters open', target: 'under 150 MB resident', measured: `${round(thousand.residentMB, 1)} MB`, met: thousand.residentMB < 150 });
      targets.push({
        measure: 'a 10 MB letter does not block other documents',
        target: 'small answer before the 10 MB lint ends',
        measured: `${fmtMs(responsiveness.smallSymbolMedianMs)} vs ${fmtMs(responsiveness.bigDiagnosticsMedianMs)}`,
        met: responsiveness.smallSymbolMs.every((ms, i) => ms < responsiveness.bigDiagnosticsMs[i]),
      });
    }
  }

  // --- CLI ----------------------------------------------------------------------------------
  if (only.has('cli')) {
    if (!existsSync(join(root, 'dist', 'cli.js'))) {
      say('\nCLI: dist/cli.js is missing (run npm run build first); skipped');
    } else {
      const cli: CliResult[] = [];
      const generatedAt = now();
      const generated = writeGeneratedLetters(10_000);
      const generationMs = now() - generatedAt;
      try {
        cli.push(await benchCli('10,000 generated letters', cliPath, generated.dir, 3, root));
      } finally {
        removeFolder(generated.dir);
      }
      if (existsSync(corpus)) cli.push(await benchCli('../shared/corpus/letters', cliPath, corpus, 5, root));
      else say(`\nCLI: ${corpus} is absent; the corpus run is skipped`);
      say(`\nCLI (node bin/imr-lint.js <folder>, spawn to exit) beside the floor (node reading and decoding the same files), medians; letters generated in ${fmtMs(generationMs)}`);
      say(table(
        ['files', 'count', 'size', 'runs', 'imr-lint', 'floor', 'ratio', 'MB/s', 'exit', 'output'],
        cli.map((c) => [c.label, String(c.files), fmtMB(c.bytes), String(c.runs), fmtMs(c.cliMs), fmtMs(c.floorMs), `${round(c.ratio, 2)}x`, String(round(c.cliMBps, 1)), c.exitCodes.join(','), fmtMB(c.outputBytes)]),
      ));
      results.cli = cli;
      const tenK = cli[0];
      targets.push({ measure: 'CLI, 10,000 letters', target: 'under 15 s on 2 cores', measured: `${round(tenK.cliMs / 1000, 2)} s (${fmtMB(tenK.bytes)}, ${machine.cores} cores)`, met: tenK.cliMs < 15_000 });
      const whole = cli.find((c) => c.label.includes('corpus'));
      if (whole) targets.push({ measure: 'CLI, the corpus (issue 3)', target: 'under 1 s', measured: `${round(whole.cliMs / 1000, 2)} s (${whole.files} letters)`, met: whole.cliMs < 1000 });
    }
  }

  // --- PDF ----------------------------------------------------------------------------------
  if (only.has('pdf')) {
    if (!existsSync(join(root, 'dist', 'pdf-worker.js')) || !existsSync(corpusPdf)) {
      say(`\nPDF: dist/pdf-worker.js (npm run build) or ${corpusPdf} is missing; skipped`);
    } else {
      const pdf = await benchPdf(corpusPdf, cliPath, 3, join(root, 'dist', 'pdf-worker.js'));
      results.pdf = pdf;
      say(`\nPDF: ${pdf.files} corpus PDFs, ${pdf.pages} pages. Extraction in the worker: ${fmtMs(pdf.extractMs)} (${round(pdf.msPerPage, 2)} ms a page); first PDF ${fmtMs(pdf.firstPdfMs)} (start-up), the same PDF warm ${fmtMs(pdf.warmPdfMs)}`);
      say(table(
        ['over the corpus PDFs', 'runs', 'median', 'peak memory'],
        [
          ['imr-lint --format json <folder> (read + lint)', String(pdf.runs), fmtMs(pdf.cliMs), `${round(pdf.cliPeakMB, 1)} MB`],
          ['pdftotext <file> -, once per file', String(pdf.runs), pdf.pdftotextMs === null ? 'not installed' : fmtMs(pdf.pdftotextMs), '-'],
        ],
      ));
      targets.push({
        measure: 'imr-lint over the corpus PDFs vs pdftotext per file',
        target: 'at most 2x',
        measured: pdf.ratio === null ? 'pdftotext not installed' : `${round(pdf.ratio, 2)}x (${fmtMs(pdf.cliMs)} vs ${fmtMs(pdf.pdftotextMs!)})`,
        met: pdf.ratio === null ? null : pdf.ratio <= 2,
      });
    }
  }

  // --- workspace (issue 11) --------------------------------------------------------------------
  if (only.has('workspace')) {
    const generated = writeGeneratedLetters(10_000);
    try {
      const ws = await benchWorkspace(serverPath, generated.dir, 10_000);
      const csv = await benchCli('10,000 generated letters, --format csv', cliPath, generated.dir, 3, root, ['--format', 'csv']);
      say(`\nWorkspace: a folder of 10,000 generated text letters added to a running server (push client), typing in an open letter meanwhile; ${ws.reads} reads, each by a new server`);
      say(table(
        ['read', 'all problems known', 'server RSS', 'didChange p95'],
        ws.allKnownMs.map((ms, i) => [String(i + 1), fmtMs(ms), `${round(ws.residentMB[i], 0)} MB`, fmtMs(ws.changeP95PerRead[i])]),
      ));
      say(table(
        ['letters', 'didChange samples, all reads', 'didChange p95', 'max', 'p95 before (fresh server)', 'p95 after', 'p95, no folder'],
        [[String(ws.letters), String(ws.changes), fmtMs(ws.changeP95), fmtMs(ws.changeMax), fmtMs(ws.warmUpChangeP95), fmtMs(ws.idleChangeP95), fmtMs(ws.noFolderChangeP95)]],
      ));
      say(`didChange p95 while reading / in a new server with no folder (same pace and count, after each read): ${round(ws.changeP95 / ws.noFolderChangeP95, 2)}x`);
      say(`imr-lint --format csv over the same folder: ${fmtMs(csv.cliMs)} (floor ${fmtMs(csv.floorMs)}), ${fmtMB(csv.outputBytes)} of CSV`);
      results.workspace = { ...ws, csv };
      const slowest = Math.max(...ws.allKnownMs);
      const largest = Math.max(...ws.residentMB);
      targets.push({ measure: 'Server, 10,000 unopened letters', target: 'all known within 10 s on 2 cores', measured: `${round(slowest / 1000, 2)} s (slowest read)`, met: slowest < 10_000 });
      targets.push({ measure: 'Server RSS after reading them', target: 'under 300 MB', measured: `${round(largest, 0)} MB (largest)`, met: largest < 300 });
      targets.push({ measure: 'didChange p95 while reading', target: 'under 5 ms', measured: `${fmtMs(ws.changeP95)}, all reads (no folder: ${fmtMs(ws.noFolderChangeP95)})`, met: ws.changeP95 < 5 });
    } finally {
      removeFolder(generated.dir);
    }
  }

  // --- extension ----------------------------------------------------------------------------
  if (only.has('extension')) {
    const path = join(root, 'test-results', 'activation.json');
    if (existsSync(path)) {
      const activation = JSON.parse(readFileSync(path, 'utf8')) as { activationMs?: number; languageServerStartMs?: number | null; editor?: string; measuredAt?: string };
      results.extension = activation;
      const ms = Number(activation.activationMs);
      say(`\nExtension activation (${activation.editor ?? 'editor'}, measured ${activation.measuredAt ?? '?'} by the editor tests): ${fmtMs(ms)}; language server started in ${fmtMs(Number(activation.languageServerStartMs))}`);
      targets.push({ measure: 'extension activation', target: 'under 50 ms', measured: fmtMs(ms), met: ms < 50 });
    } else {
      say('\nExtension activation: not measured (run the editor tests first)');
      targets.push({ measure: 'extension activation', target: 'under 50 ms', measured: 'not measured (run the editor tests first)', met: null });
    }
  }

  say('\nTargets');
  say(table(['measure', 'target', 'measured', 'met'], targets.map((t) => [t.measure, t.target, t.measured, t.met === null ? '-' : t.met ? 'met' : 'NOT MET'])));
  const totalMs = now() - started;
  say(`\nBench took ${round(totalMs / 1000, 1)} s. Sizes: typical ${fmtMB(utf8Length(letters.typical.text))}, ${fmtMB(utf8Length(letters['1 MB'].text))}, ${fmtMB(utf8Length(letters['10 MB'].text))}.`);
  results.targets = targets;
  results.totalSeconds = round(totalMs / 1000, 1);
  const out = join(root, 'bench', 'results.json');
  writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
  say(`Wrote ${out}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
