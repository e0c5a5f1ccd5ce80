// fast-check with a seed that can be replayed. Each run draws a fresh seed (or takes IMR_FC_SEED,
// and IMR_FC_PATH to jump straight to the shrunk counterexample); a failure's message ends with
// the command line that replays it, e.g.
//   IMR_FC_SEED=1234 IMR_FC_PATH="5:1:0" node --test out/test/unit/property.test.js
import fc from 'fast-check';

function envInt(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw new Error(`${name} must be an integer, not ${JSON.stringify(raw)}`);
  return value;
}

/** The seed of this run: IMR_FC_SEED, or a fresh one. */
export const FC_SEED = envInt('IMR_FC_SEED') ?? ((Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0);
const FC_PATH = process.env.IMR_FC_PATH || undefined;

/**
 * `npm run test:fast` (run-tests.mjs --fast sets IMR_FC_FAST=1) runs a third of each property's
 * runs, for the minute loop; `npm test` and CI run them all. The runs of a seed come in the same
 * order either way, so a fast failure replays in a full run too.
 */
export const RUNS_DIVISOR = process.env.IMR_FC_FAST === '1' ? 3 : 1;

/** The runs of a property asking for `numRuns` (fast-check's default, 100, when not given). */
export function runsFor(numRuns = 100): number {
  return Math.max(1, Math.ceil(numRuns / RUNS_DIVISOR));
}

/**
 * fc.assert with this run's seed (and IMR_FC_PATH when given). On failure the error names the seed,
 * the path and the command that replays it.
 */
export function assertProperty<Ts extends [unknown, ...unknown[]]>(property: fc.IProperty<Ts>, params: fc.Parameters<Ts> = {}): void {
  const seeded: fc.Parameters<Ts> = { ...params, numRuns: runsFor(params.numRuns), seed: FC_SEED, ...(FC_PATH ? { path: FC_PATH } : {}) };
  const details = fc.check(property, seeded);
  if (!details.failed) return;
  const replay = `IMR_FC_SEED=${details.seed} IMR_FC_PATH="${details.counterexamplePath ?? ''}"`;
  throw new Error(`${fc.defaultReportMessage(details) ?? 'property failed'}\n\nReplay: ${replay} node --test <this compiled test file>`);
}
