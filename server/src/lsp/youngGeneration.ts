// The young generation, collected when nobody waits. A folder read fills the server thread's
// young generation every 200 ms or so (48 collections of 2.2 ms on average in a read of 10,000
// letters), and one that falls inside a keystroke adds its pause to it. So after each answer to an
// open letter's change (its diagnostics sent), the server collects the young generation if it is
// over YOUNG_SHARE full: the next key is then as far away as it can be, and while someone types
// the young generation never fills. Needs V8's gc() (`--expose-gc`, one of SERVER_NODE_FLAGS); a
// server started without it collects as V8 decides.
import { getHeapSpaceStatistics } from 'node:v8';
import type { Log } from './log';

/** Collected once the young generation holds more than this share of what it can hold (the share the README's runs used). */
export const YOUNG_SHARE = 0.25;

type MinorGc = (options: { type: 'minor' }) => void;

/** V8's gc(), when the server was started with --expose-gc. */
function exposedGc(): MinorGc | null {
  const gc = (globalThis as { gc?: unknown }).gc;
  return typeof gc === 'function' ? (gc as MinorGc) : null;
}

/** Collects the young generation now if it is over `share` full: how long it took (ms), or null when it did not. */
export function collectYoungGeneration(share = YOUNG_SHARE): number | null {
  const gc = exposedGc();
  if (gc === null || youngShare() <= share) return null;
  const started = performance.now();
  gc({ type: 'minor' });
  return performance.now() - started;
}

/** After the answer to a change of `uri` is written: collectYoungGeneration, logged when tracing. */
export function collectAfterAnswer(log: Log, uri: string): void {
  const ms = collectYoungGeneration();
  if (ms !== null) log.debug(`young generation collected after answering ${log.doc(uri)}: ${ms.toFixed(1)} ms`);
}

/** How full the young generation is: the bytes it holds over what its semi-space can hold. */
export function youngShare(): number {
  const young = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
  if (!young) return 0;
  const capacity = young.space_used_size + young.space_available_size;
  return capacity > 0 ? young.space_used_size / capacity : 0;
}
