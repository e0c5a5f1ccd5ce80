// The language server over stdio, driven as an editor drives it: time to the initialize answer,
// didOpen and one-character didChange to publishDiagnostics, documentSymbol, resident memory with
// many letters open, and whether a 10 MB letter holds up answers for a small one.
import { spawn } from 'node:child_process';
import { LspClient } from './lsp-client';
import { typicalLetter, type GeneratedLetter } from './generate';
import { median, now, percentile } from './stats';

export interface LatencyRow {
  size: string;
  samples: number;
  openSamples: number;
  openP50: number;
  openP95: number;
  changeP50: number;
  changeP95: number;
  symbolP50: number;
  symbolP95: number;
  symbols: number;
}

export interface ServerResult {
  startToInitializeMs: { median: number; samples: number[]; floorMedian: number; floorSamples: number[] };
  latency: LatencyRow[];
  memory: { open: number; residentMB: number }[];
  responsiveness: {
    smallSymbolMs: number[];
    bigDiagnosticsMs: number[];
    /** Median time to answer the small document's request while the 10 MB one is being linted. */
    smallSymbolMedianMs: number;
    bigDiagnosticsMedianMs: number;
  };
}

const uri = (name: string) => `file:///bench/${name}.imr`;

/** The floor for a start: node itself, spawned to echo its first stdin chunk back. */
function nodeEcho(): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = now();
    const child = spawn(process.execPath, ['-e', "process.stdin.once('data', (d) => process.stdout.write(d, () => process.exit(0)))"], { stdio: ['pipe', 'pipe', 'ignore'] });
    child.on('error', reject);
    child.stdout.once('data', () => resolve(now() - start));
    child.stdin.write('x');
  });
}

export async function benchServerStart(serverPath: string, runs: number): Promise<ServerResult['startToInitializeMs']> {
  const samples: number[] = [];
  const floorSamples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const client = await LspClient.start(serverPath);
    samples.push(client.initializeMs);
    await client.stop();
    floorSamples.push(await nodeEcho());
  }
  return { median: median(samples), samples, floorMedian: median(floorSamples), floorSamples };
}

export async function benchLatency(serverPath: string, size: string, letter: GeneratedLetter, samples: number, openSamples: number): Promise<LatencyRow> {
  const client = await LspClient.start(serverPath);
  try {
    const opens: number[] = [];
    // Opens of fresh copies of the letter (a new uri each time), closed straight after.
    for (let i = 0; i < openSamples; i++) {
      opens.push(await client.open(uri(`${size}-open-${i}`), letter.text));
      await client.close(uri(`${size}-open-${i}`));
    }
    const doc = uri(`${size}-edited`);
    await client.open(doc, letter.text);
    const middle = Math.floor(letter.text.split('\n').length / 2);
    const changes: number[] = [];
    const symbols: number[] = [];
    let count = 0;
    for (let i = 0; i < samples; i++) {
      changes.push(await client.typeOneChar(doc, middle + (i % 7)));
      const symbol = await client.documentSymbol(doc);
      symbols.push(symbol.ms);
      count = symbol.symbols;
    }
    return {
      size,
      samples,
      openSamples,
      openP50: median(opens),
      openP95: percentile(opens, 95),
      changeP50: median(changes),
      changeP95: percentile(changes, 95),
      symbolP50: median(symbols),
      symbolP95: percentile(symbols, 95),
      symbols: count,
    };
  } finally {
    await client.stop();
  }
}

export async function benchMemory(serverPath: string, counts: readonly number[]): Promise<ServerResult['memory']> {
  const client = await LspClient.start(serverPath);
  const result: ServerResult['memory'] = [];
  try {
    let open = 0;
    for (const target of counts) {
      const pending: Promise<number>[] = [];
      for (; open < target; open++) pending.push(client.openAsync(uri(`memory-${open}`), typicalLetter(100_000 + open).text).diagnostics);
      await Promise.all(pending);
      // Let the server settle (pending timers, a GC) before reading its resident set.
      await new Promise((r) => setTimeout(r, 300));
      result.push({ open: target, residentMB: client.residentBytes() / (1024 * 1024) });
    }
    return result;
  } finally {
    await client.stop();
  }
}

/** A small letter's documentSymbol, sent right after a 10 MB letter is opened or edited. */
export async function benchResponsiveness(serverPath: string, big: GeneratedLetter, runs: number): Promise<ServerResult['responsiveness']> {
  const client = await LspClient.start(serverPath);
  const small: number[] = [];
  const bigDiagnostics: number[] = [];
  try {
    const smallDoc = uri('small');
    await client.open(smallDoc, typicalLetter(42).text);
    await client.documentSymbol(smallDoc);
    for (let i = 0; i < runs; i++) {
      const bigDoc = uri(`big-${i}`);
      const { sent, diagnostics } = client.openAsync(bigDoc, big.text);
      const symbol = await client.documentSymbol(smallDoc);
      small.push(symbol.ms);
      bigDiagnostics.push((await diagnostics) - sent);
      await client.close(bigDoc);
    }
  } finally {
    await client.stop();
  }
  return { smallSymbolMs: small, bigDiagnosticsMs: bigDiagnostics, smallSymbolMedianMs: median(small), bigDiagnosticsMedianMs: median(bigDiagnostics) };
}
