// The server reading a folder of letters it was not asked to open (issue 11): time from the
// folder's arrival (workspace/didChangeWorkspaceFolders) until every letter's diagnostics are
// published, the server's resident memory then, and the didChange-to-diagnostics time of an open
// letter typed in while the folder is read. The letter is open and typed in before the folder
// arrives, as in the server bench (which opens letters before it types): a server's first
// keystrokes run before V8 has compiled the lint, at 4-10 ms with or without a folder, and
// would be counted against the folder otherwise.
import { pathToFileURL } from 'node:url';
import { typicalLetter } from './generate';
import { LspClient } from './lsp-client';
import { MB, now, percentile } from './stats';

const TYPING_INTERVAL_MS = 50;
/** Keystrokes before the folder arrives: V8 has optimised the lint after about 15 of them. */
const WARM_UP_KEYSTROKES = 30;

export interface WorkspaceResult {
  letters: number;
  allKnownMs: number;
  residentMB: number;
  changes: number;
  changeP95: number;
  changeMax: number;
  /** didChange p95 after the folder is read, same pace: what the machine gives without the scan. */
  idleChangeP95: number;
  /** didChange p95 of the warm-up keystrokes, before the folder arrives (a fresh server). */
  warmUpChangeP95: number;
}

export async function benchWorkspace(serverPath: string, folder: string, letters: number): Promise<WorkspaceResult> {
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
    const open = 'untitled:typing.imr';
    await client.open(open, typicalLetter(424242).text);
    const warmUp: number[] = [];
    for (let i = 0; i < WARM_UP_KEYSTROKES; i++) {
      warmUp.push(await client.typeOneChar(open, 3));
      await new Promise((resolve) => setTimeout(resolve, TYPING_INTERVAL_MS));
    }
    started = now();
    await client.addFolder(folder);
    const changes: number[] = [];
    let reading = true;
    void done.then(() => (reading = false));
    // A fast typist: a character every 50 ms (a lint on every keystroke back to back would take
    // half the server's time from the folder and measure that instead).
    while (reading && changes.length < 2000) {
      changes.push(await client.typeOneChar(open, 3));
      await new Promise((resolve) => setTimeout(resolve, TYPING_INTERVAL_MS));
    }
    await done;
    const residentMB = client.residentBytes() / MB;
    // The same typing once the folder is read: the machine's own floor for this measure.
    const idle: number[] = [];
    for (let i = 0; i < 100; i++) {
      idle.push(await client.typeOneChar(open, 3));
      await new Promise((resolve) => setTimeout(resolve, TYPING_INTERVAL_MS));
    }
    return {
      letters,
      allKnownMs: finishedAt - started,
      residentMB,
      changes: changes.length,
      changeP95: changes.length ? percentile(changes, 95) : Number.NaN,
      changeMax: changes.length ? Math.max(...changes) : Number.NaN,
      idleChangeP95: percentile(idle, 95),
      warmUpChangeP95: percentile(warmUp, 95),
    };
  } finally {
    await client.stop();
  }
}
