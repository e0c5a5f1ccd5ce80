// The server reading a folder of letters it was not asked to open (issue 11): time from the
// folder's arrival (workspace/didChangeWorkspaceFolders) until every letter's diagnostics are
// published, the server's resident memory then, and the didChange-to-diagnostics time of an open
// letter typed in while the folder is read. The letter is open and typed in before the folder
// arrives, as in the server bench (which opens letters before it types): a server's first
// keystrokes run before V8 has compiled the lint, at 4-10 ms with or without a folder, and
// would be counted against the folder otherwise.
//
// The folder is read several times, each time by a new server, and the keystrokes of all reads
// are pooled: one read gives 90-160 of them, so its p95 rests on its 5 to 8 slowest, and on this
// machine single reads' p95 ranged from 3.0 to 5.4 ms with the same build within an hour.
//
// After each read, a new server with no folder is typed in the same way, as many keystrokes: what
// typing costs on this machine at that moment without a read. On a virtual machine that figure
// moves with the host (a vCPU that halts between keys is slow to wake), and the typing after a
// read, on a machine just busy, was lower than it (2.5 against 4.2 ms, the same hour).
import { pathToFileURL } from 'node:url';
import { typicalLetter } from './generate';
import { LspClient } from './lsp-client';
import { MB, now, percentile } from './stats';

const TYPING_INTERVAL_MS = 50;
/** Keystrokes before the folder arrives: V8 has optimised the lint after about 15 of them. */
const WARM_UP_KEYSTROKES = 30;

/** Reads of the folder, each by a new server, whose keystrokes are pooled. */
const WORKSPACE_READS = 3;
/** The letter typed in: open, and outside the folder. */
const TYPING_URI = 'untitled:typing.imr';

export interface WorkspaceResult {
  letters: number;
  reads: number;
  /** Per read. */
  allKnownMs: number[];
  residentMB: number[];
  changeP95PerRead: number[];
  /** Keystrokes during the reads, all reads together. */
  changes: number;
  changeP95: number;
  changeMax: number;
  /** didChange p95 after the folder is read, same pace (lower than noFolderChangeP95: the machine was just busy). */
  idleChangeP95: number;
  /** didChange p95 of the warm-up keystrokes, before the folder arrives (a fresh server). */
  warmUpChangeP95: number;
  /** didChange p95 in a new server given no folder, same warm-up, pace and count, after each read. */
  noFolderChangeP95: number;
}

interface Read {
  allKnownMs: number;
  residentMB: number;
  changes: number[];
  idle: number[];
  warmUp: number[];
}

export async function benchWorkspace(serverPath: string, folder: string, letters: number, reads = WORKSPACE_READS): Promise<WorkspaceResult> {
  const done: Read[] = [];
  const noFolder: number[] = [];
  for (let i = 0; i < reads; i++) {
    const read = await readOnce(serverPath, folder, letters);
    done.push(read);
    noFolder.push(...(await typeWithoutFolder(serverPath, read.changes.length)));
  }
  const pooled = (pick: (read: Read) => number[]): number[] => done.flatMap(pick);
  const changes = pooled((read) => read.changes);
  return {
    letters,
    reads,
    allKnownMs: done.map((read) => read.allKnownMs),
    residentMB: done.map((read) => read.residentMB),
    changeP95PerRead: done.map((read) => (read.changes.length ? percentile(read.changes, 95) : Number.NaN)),
    changes: changes.length,
    changeP95: changes.length ? percentile(changes, 95) : Number.NaN,
    changeMax: changes.length ? Math.max(...changes) : Number.NaN,
    idleChangeP95: percentile(pooled((read) => read.idle), 95),
    warmUpChangeP95: percentile(pooled((read) => read.warmUp), 95),
    noFolderChangeP95: noFolder.length ? percentile(noFolder, 95) : Number.NaN,
  };
}

/** Opens the same letter in a new server with no folder and types in it as readOnce does: the machine's own figure at that moment. */
async function typeWithoutFolder(serverPath: string, keystrokes: number): Promise<number[]> {
  const client = await LspClient.start(serverPath, null, true);
  try {
    await client.open(TYPING_URI, typicalLetter(424242).text);
    await typeKeys(client, WARM_UP_KEYSTROKES);
    return await typeKeys(client, keystrokes);
  } finally {
    await client.stop();
  }
}

/**
 * Types up to `count` characters into the open letter, one every TYPING_INTERVAL_MS, while
 * `more()` holds; returns each one's didChange-to-diagnostics time.
 */
async function typeKeys(client: LspClient, count: number, more: () => boolean = () => true): Promise<number[]> {
  const times: number[] = [];
  while (times.length < count && more()) {
    times.push(await client.typeOneChar(TYPING_URI, 3));
    await new Promise((resolve) => setTimeout(resolve, TYPING_INTERVAL_MS));
  }
  return times;
}

async function readOnce(serverPath: string, folder: string, letters: number): Promise<Read> {
  const known = new Set<string>();
  const prefix = pathToFileURL(folder).href + '/';
  let allKnown: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (allKnown = resolve));
  const client = await LspClient.start(serverPath, null, true);
  let started = Number.NaN;
  let finishedAt = Number.NaN;
  client.onPublish = (uri, at) => {
    if (!uri.startsWith(prefix) || known.has(uri)) return;
    known.add(uri);
    if (known.size === letters) {
      finishedAt = at;
      allKnown();
    }
  };
  try {
    // An open letter outside the folder, typed in one character at a time while the folder is read.
    await client.open(TYPING_URI, typicalLetter(424242).text);
    const warmUp = await typeKeys(client, WARM_UP_KEYSTROKES);
    started = now();
    await client.addFolder(folder);
    let reading = true;
    void done.then(() => (reading = false));
    // A fast typist: a character every 50 ms (a lint on every keystroke back to back would take
    // half the server's time from the folder and measure that instead).
    const changes = await typeKeys(client, 2000, () => reading);
    await done;
    const residentMB = client.residentBytes() / MB;
    // The same typing once the folder is read, on a machine just busy (typeWithoutFolder gives
    // the figure without a read).
    const idle = await typeKeys(client, 100);
    return { allKnownMs: finishedAt - started, residentMB, changes, idle, warmUp };
  } finally {
    await client.stop();
  }
}
