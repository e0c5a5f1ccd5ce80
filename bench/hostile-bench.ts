// The engine on hostile shapes (hostile.ts) at two sizes: cost per MB must not grow with size.
import { lint } from '../server/src/engine';
import { HOSTILE_SHAPES, type HostileResult } from './hostile';
import { MB, median, now } from './stats';

let sink = 0;

/** One timed sample: lint repeated until it lasts about 50 ms (a 2 MB shape can lint in 1 ms). */
function sample(text: string, repeat: number): number {
  const start = now();
  for (let i = 0; i < repeat; i++) sink += lint(text).diagnostics.length;
  return (now() - start) / repeat;
}

function repeatFor(text: string): number {
  const start = now();
  sink += lint(text).diagnostics.length; // also warms the JIT up on this shape
  return Math.max(1, Math.ceil(50 / Math.max(now() - start, 0.01)));
}

/** Per shape, samples of the two sizes interleaved (a busy neighbour slows both alike), medians. */
export function benchHostile(smallMB: number, largeMB: number, runs: number): HostileResult[] {
  return HOSTILE_SHAPES.map((shape) => {
    const small = shape.make(smallMB * MB);
    const large = shape.make(largeMB * MB);
    const smallRepeat = repeatFor(small);
    const largeRepeat = repeatFor(large);
    const smallTimes: number[] = [];
    const largeTimes: number[] = [];
    for (let r = 0; r < runs; r++) {
      smallTimes.push(sample(small, smallRepeat));
      largeTimes.push(sample(large, largeRepeat));
    }
    // ASCII text: one byte per character.
    const smallMsPerMB = median(smallTimes) / (small.length / MB);
    const largeMsPerMB = median(largeTimes) / (large.length / MB);
    return { shape: shape.name, smallMsPerMB, largeMsPerMB, growth: largeMsPerMB / smallMsPerMB };
  });
}

export function hostileSink(): number {
  return sink;
}
