// The server reading a folder of letters it was not asked to open (issue 11): time from the
// initialize answer until every letter's diagnostics are published, the server's resident memory
// then, and the didChange-to-diagnostics time of an open letter typed in while the folder is read.
import { pathToFileURL } from 'node:url';
import { typicalLetter } from './generate';
import { LspClient } from './lsp-client';
import { MB, now, percentile } from './stats';

const TYPING_INTERVAL_MS = 50;

export interface WorkspaceResult {
  letters: number;
  allKnownMs: number;
  residentMB: number;
  changes: number;
  changeP95: number;
  changeMax: number;
  /** didChange p95 after the folder is read, same pace: what the machine gives without the scan. */
  idleChangeP95: number;
}

export async function benchWorkspace(serverPath: string, folder: string, letters: number): Promise<WorkspaceResult> {
  const known = new Set<string>();
  const prefix = pathToFileURL(folder).href + '/';
  let allKnown: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (allKnown = resolve));
  const client = await LspClient.start(serverPath, folder);
  const started = now();
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
    };
  } finally {
    await client.stop();
  }
}
