// Engine throughput: parse plus every rule, beside the floor (a plain split into LSP lines and one
// regular expression test per line) measured on the same text in the same run, interleaved so
// that a noisy neighbour slows both alike.
import { PerformanceObserver } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { lint } from '../server/src/engine';
import { utf8Length, type GeneratedLetter } from './generate';
import { MB, median, now } from './stats';

export interface EngineResult {
  size: string;
  bytes: number;
  items: number;
  runs: number;
  engineMs: number;
  floorMs: number;
  ratio: number;
  engineMBps: number;
  floorMBps: number;
  /** Engine time per MB of text: equal across sizes when cost grows linearly. */
  engineMsPerMB: number;
  /** Of engineMs, the time spent in garbage collection (young generation mostly). */
  engineGcMs: number;
}

// One test per line, anchored at the end: what a reader that only looks for decision lines costs.
const DECISION_LINE = /:\s*(?:upheld|overturned)\.?\s*$/i;

/** The floor: the least work any line-based reader does on the text. */
export function floor(text: string): number {
  const lines = text.split(/\r\n|\r|\n/);
  let hits = 0;
  for (const line of lines) if (DECISION_LINE.test(line)) hits++;
  return hits;
}

let sink = 0;

/** Garbage-collection time, delivered by V8 after the fact: read it after yielding a turn. */
let gcMs = 0;
const gcObserver = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration;
});

/** Median time of one call, each sample repeating the call enough times to last ~40 ms. */
function sampler(fn: () => void, single: number): () => Promise<{ ms: number; gc: number }> {
  const repeat = Math.max(1, Math.ceil(40 / Math.max(single, 0.01)));
  return async () => {
    await sleep(1);
    const gcBefore = gcMs;
    const start = now();
    for (let i = 0; i < repeat; i++) fn();
    const ms = (now() - start) / repeat;
    await sleep(1); // V8 reports GC entries on a later timer turn, not on the next immediate
    return { ms, gc: (gcMs - gcBefore) / repeat };
  };
}

export async function benchEngine(size: string, letter: GeneratedLetter, runs: number): Promise<EngineResult> {
  const text = letter.text;
  const runEngine = () => {
    sink += lint(text).diagnostics.length;
  };
  const runFloor = () => {
    sink += floor(text);
  };
  // Warm up both (JIT, inline caches) and calibrate how many calls make a sample.
  let start = now();
  runEngine();
  const engineOnce = now() - start;
  start = now();
  runFloor();
  const floorOnce = now() - start;
  runEngine();
  runFloor();
  const engineSample = sampler(runEngine, engineOnce);
  const floorSample = sampler(runFloor, floorOnce);
  const engine: number[] = [];
  const engineGc: number[] = [];
  const floorTimes: number[] = [];
  gcObserver.observe({ entryTypes: ['gc'] });
  try {
    for (let r = 0; r < runs; r++) {
      const e = await engineSample();
      engine.push(e.ms);
      engineGc.push(e.gc);
      floorTimes.push((await floorSample()).ms);
    }
  } finally {
    gcObserver.disconnect();
  }
  const bytes = utf8Length(text);
  const engineMs = median(engine);
  const floorMs = median(floorTimes);
  return {
    size,
    bytes,
    items: letter.items.length,
    runs,
    engineMs,
    floorMs,
    ratio: engineMs / floorMs,
    engineMBps: bytes / MB / (engineMs / 1000),
    floorMBps: bytes / MB / (floorMs / 1000),
    engineMsPerMB: engineMs / (bytes / MB),
    engineGcMs: median(engineGc),
  };
}

/** Keeps the optimizer from dropping the measured calls. */
export function engineSink(): number {
  return sink;
}
