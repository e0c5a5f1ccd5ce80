// Huge and adversarial inputs, each linted once in a worker thread that the test ends after a time
// limit: a super-linear engine (catastrophic regex backtracking, quadratic string building or
// backward walks) then fails in seconds instead of hanging the suite.
import { isMainThread, parentPort, workerData, Worker } from 'node:worker_threads';
import { assertInvariants } from './invariants';
import { lint } from '../../server/src/engine';
import { oneMegabyteLetter } from '../../bench/generate';

export const HEADING = 'IMR ISSUES, DECISIONS AND RATIONALES';
export const INTRO = 'The Final Determination was based on decisions for the disputed items/services set forth below:';
export const LABELS = ['Claims Administrator guideline:', 'MAXIMUS guideline:', 'Decision rationale:'];

const N = 100_000;
const top = `${HEADING}\n${INTRO}\n`;

/** Builders, not texts: the worker builds its own input instead of receiving a copy. */
export const HUGE_INPUTS: Record<string, () => string> = {
  'a 1 MB line alone': () => 'a'.repeat(1024 * 1024),
  'a 1 MB item line': () => `${top}${'a'.repeat(1024 * 1024)}: Upheld\n${LABELS.join(' x\n')} x\n`,
  'a 1 MB rationale line': () => `${top}Norco: Upheld\nDecision rationale: ${'word '.repeat(200_000)}\n`,
  '100,000 items': () => {
    const lines = [HEADING, INTRO];
    for (let i = 0; i < N; i++) lines.push(`Item ${i}: ${i % 3 === 0 ? 'Overturned' : 'Upheld'}`);
    return lines.join('\n');
  },
  'runs of spaces in an item line': () => `${top}Norco${' '.repeat(N)}x\nNorco${' '.repeat(N)}:${' '.repeat(N)}Upheld${' '.repeat(N)}\n`,
  'a line of colons': () => `${top}${':'.repeat(N)}\n${':'.repeat(N)} Upheld\n`,
  '": : : :"': () => `${top}${': '.repeat(N / 2)}\n${': '.repeat(N / 2)}Upheld\nDecision rationale:${' :'.repeat(N / 2)}\n`,
  'repeated "Decision based on"': () => `${top}Norco: Upheld\nMAXIMUS guideline: ${'Decision based on '.repeat(20_000)}\nDecision rationale: ${'is not '.repeat(20_000)}medically necessary\n`,
  '100k lines ending in "-"': () => `${top}Norco: Upheld\nDecision rationale: ${'non-\n'.repeat(N)}`,
  '100k lines ending in ":"': () => `${top}${'Norco:\n'.repeat(N)}Upheld\n`,
  '100k decision words alone': () => `${top}${'Upheld\n'.repeat(N)}`,
  '100k lines, one decision at the end': () => `${top}${'word word\n'.repeat(N)}Norco: Upheld\n`,
  '10k lead-in endings with no start': () => `${top}${'The original request, Norco is: Upheld\n'.repeat(10_000)}`,
  '20k lead-in starts with no end': () => `${top}${'Norco was the original request. The original request, Norco\n'.repeat(20_000)}`,
  '100k form feeds and bare CRs': () => `${HEADING}\r${'\f\r'.repeat(N)}Norco: Upheld\r`,
  '100k empty lines between header and decision': () => `${top}Norco:${'\n'.repeat(N)}Upheld\n`,
  '30k headings': () => `${HEADING}\n`.repeat(30_000),
  '30k labels': () => `${top}Norco: Upheld\n${LABELS.join('\n').concat('\n').repeat(10_000)}`,
  '25k verdict sentences': () => `${top}Norco: Overturned\nDecision rationale: ${'is not medically necessary. '.repeat(N / 4)}\n`,
  '100k NUL and lone surrogates': () => `${HEADING}\n${'\0\ud800'.repeat(N)}: Upheld\n`,
};

/** What the test checks beyond the invariants, small enough to post back. */
export interface HugeSummary {
  ms: number;
  items: number;
  overturned: number;
  lastName: string | null;
  diagnostics: number;
}

export type HugeResult = { summary: HugeSummary } | { error: string };

/**
 * Time allowed for one input: a multiple of what linting a generated 1 MB letter costs in the same
 * worker at the same moment, so a loaded machine slows both alike. A linear engine stays far below
 * it; a quadratic one on 100,000 lines goes far above it.
 */
export function limitFor(chars: number, msPerMegabyte: number): number {
  return Math.max(2_000, 40 * msPerMegabyte * Math.max(1, chars / 1e6));
}

const BUILD_LIMIT_MS = 30_000;

type WorkerMessage =
  | { calibrated: number }
  | { building: string }
  | { start: string; chars: number }
  | { done: string; summary: HugeSummary }
  | { done: string; error: string };

/**
 * Lints the named inputs one after another in a worker thread, each within its limit. When one
 * overruns, the worker is ended, that input is reported as a timeout and a new worker goes on with
 * the rest (one worker for all saves loading the engine twenty times).
 */
export function lintHugeInputs(names: readonly string[]): Promise<Map<string, HugeResult>> {
  const results = new Map<string, HugeResult>();
  return new Promise((resolve) => {
    const startWorker = (queue: readonly string[]): void => {
      if (queue.length === 0) return resolve(results);
      const worker = new Worker(__filename, { workerData: { hugeInputs: queue } });
      let msPerMegabyte = 1_000;
      let current: string | null = null;
      let timer: NodeJS.Timeout | undefined;
      let finished = false;
      const finish = (rest: readonly string[]): void => {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        void worker.terminate();
        startWorker(rest);
      };
      const after = (name: string): string[] => queue.slice(queue.indexOf(name) + 1);
      worker.on('message', (m: WorkerMessage) => {
        if ('calibrated' in m) {
          msPerMegabyte = m.calibrated;
        } else if ('building' in m || 'start' in m) {
          const name = 'building' in m ? m.building : m.start;
          // Building an input is a few string repeats; linting it gets the calibrated limit.
          const limit = 'building' in m ? BUILD_LIMIT_MS : limitFor(m.chars, msPerMegabyte);
          current = name;
          clearTimeout(timer);
          timer = setTimeout(() => {
            results.set(name, { error: `no answer within ${Math.round(limit)} ms (${Math.round(msPerMegabyte)} ms per MB of letter): super-linear?` });
            finish(after(name));
          }, limit);
        } else {
          clearTimeout(timer);
          results.set(m.done, 'summary' in m ? { summary: m.summary } : { error: m.error });
          current = null;
          if (after(m.done).length === 0) finish([]);
        }
      });
      worker.on('error', (e) => {
        if (current) results.set(current, { error: `worker failed: ${e.message}` });
        finish(current ? after(current) : []);
      });
    };
    startWorker(names);
  });
}

function summarize(text: string): HugeSummary {
  const started = performance.now();
  const result = lint(text);
  const ms = performance.now() - started;
  assertInvariants(text, result);
  const items = result.letter.items;
  return {
    ms,
    items: items.length,
    overturned: items.filter((i) => i.decision === 'Overturned').length,
    lastName: items.length ? items[items.length - 1].name : null,
    diagnostics: result.diagnostics.length,
  };
}

const data = workerData as { hugeInputs?: unknown } | null;
if (!isMainThread && parentPort && Array.isArray(data?.hugeInputs)) {
  const port = parentPort;
  const reference = oneMegabyteLetter(7).text;
  lint(reference);
  const started = performance.now();
  lint(reference);
  port.postMessage({ calibrated: ((performance.now() - started) * 1e6) / reference.length });
  for (const name of data.hugeInputs as string[]) {
    try {
      port.postMessage({ building: name });
      const text = HUGE_INPUTS[name]();
      port.postMessage({ start: name, chars: text.length });
      port.postMessage({ done: name, summary: summarize(text) });
    } catch (error) {
      port.postMessage({ done: name, error: error instanceof Error ? error.message : String(error) });
    }
  }
}
