// The CLI over many files: wall time from spawn to exit, beside a floor that spawns node to read
// and decode the same files (the least a linter in node must do), measured alternately.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { typicalLetter } from './generate';
import { MB, median, now } from './stats';

export interface CliResult {
  label: string;
  files: number;
  bytes: number;
  runs: number;
  cliMs: number;
  floorMs: number;
  ratio: number;
  cliMBps: number;
  exitCodes: number[];
  outputBytes: number;
}

/** Reads and decodes every .imr/.txt file under a folder, like `cat` but in node. */
const FLOOR_SCRIPT = `
const fs = require('node:fs'), path = require('node:path');
let bytes = 0, files = 0;
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (/\\.(?:imr|txt)$/.test(e.name)) { bytes += fs.readFileSync(p, 'utf8').length; files++; }
  }
})(process.argv[1]);
process.stdout.write(files + ' ' + bytes + '\\n');
`;

/** Runs a command to completion, draining its output; resolves with wall time and exit code. */
function timed(args: readonly string[], cwd: string): Promise<{ ms: number; code: number; outputBytes: number }> {
  return new Promise((resolve, reject) => {
    const start = now();
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let outputBytes = 0;
    child.stdout.on('data', (chunk: Buffer) => (outputBytes += chunk.length));
    child.stderr.on('data', (chunk: Buffer) => (outputBytes += chunk.length));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: now() - start, code: code ?? -1, outputBytes }));
  });
}

function folderStats(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const sub = folderStats(path);
      files += sub.files;
      bytes += sub.bytes;
    } else if (/\.(?:imr|txt)$/.test(entry.name)) {
      files++;
      bytes += statSync(path).size;
    }
  }
  return { files, bytes };
}

export async function benchCli(label: string, cliPath: string, dir: string, runs: number, cwd: string, flags: readonly string[] = []): Promise<CliResult> {
  const { files, bytes } = folderStats(dir);
  // One untimed read warms the page cache, so that every timed run reads from memory.
  await timed(['-e', FLOOR_SCRIPT, dir], cwd);
  const cli: number[] = [];
  const floor: number[] = [];
  const exitCodes: number[] = [];
  let outputBytes = 0;
  for (let r = 0; r < runs; r++) {
    const run = await timed([cliPath, ...flags, dir], cwd);
    cli.push(run.ms);
    exitCodes.push(run.code);
    outputBytes = run.outputBytes;
    floor.push((await timed(['-e', FLOOR_SCRIPT, dir], cwd)).ms);
  }
  const cliMs = median(cli);
  const floorMs = median(floor);
  return { label, files, bytes, runs, cliMs, floorMs, ratio: cliMs / floorMs, cliMBps: bytes / MB / (cliMs / 1000), exitCodes: [...new Set(exitCodes)], outputBytes };
}

/** Writes `count` typical generated letters (about 20 KB each) in folders of 1,000. */
export function writeGeneratedLetters(count: number): { dir: string; bytes: number } {
  const dir = mkdtempSync(join(tmpdir(), 'imr-bench-'));
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const folder = join(dir, `batch-${String(Math.floor(i / 1000)).padStart(2, '0')}`);
    if (i % 1000 === 0) mkdirSync(folder);
    const text = typicalLetter(i + 1, {}).text; // every style the seed draws: CRLF, double spacing, ...
    writeFileSync(join(folder, `letter-${String(i).padStart(5, '0')}.txt`), text);
    bytes += Buffer.byteLength(text);
  }
  return { dir, bytes };
}

export function removeFolder(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
