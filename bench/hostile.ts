// Hostile shapes for the engine: texts no real letter looks like, built to find any input whose
// cost grows faster than its size. Each shape is generated at any size from one repeated unit
// (seeded by the unit's index only, so runs are deterministic).

export interface HostileShape {
  name: string;
  /** A text of about `bytes` UTF-8 bytes (all shapes are ASCII). */
  make(bytes: number): string;
}

const HEAD = 'IMR ISSUES, DECISIONS AND RATIONALES\nThe Final Determination was based on decisions for the disputed items/services set forth below:\n';

function repeatUnits(bytes: number, head: string, unit: (index: number) => string): string {
  const parts: string[] = [head];
  let length = head.length;
  for (let i = 0; length < bytes; i++) {
    const part = unit(i);
    parts.push(part);
    length += part.length;
  }
  return parts.join('');
}

/**
 * Names that all share duplicate-item's (unseeded) hash: "a~" and "b_" hash alike, so the bits
 * of `index` spelled as those pairs give 2^17 different names with one hash.
 */
export function collidingName(index: number): string {
  let name = 'Item ';
  for (let bit = 16; bit >= 0; bit--) name += (index >> bit) & 1 ? 'b_' : 'a~';
  return name;
}

export const HOSTILE_SHAPES: readonly HostileShape[] = [
  {
    // Names written to share one hash: a hash table without a probe budget is quadratic here.
    name: 'names sharing one hash',
    make: (bytes) => repeatUnits(bytes, HEAD, (i) => `${collidingName(i)}: Upheld\n`),
  },
  {
    // The same first and last words: a hash of the ends alone puts every name in one bucket.
    name: 'names differing in the middle',
    make: (bytes) => repeatUnits(bytes, HEAD, (i) =>
      `Physical therapy for the lumbar spine, visit ${i} of the series, as requested: Upheld\n` +
      'MAXIMUS guideline: Decision based on MTUS.\nDecision rationale: Not medically necessary.\n'),
  },
  {
    name: 'label-only lines',
    make: (bytes) => repeatUnits(bytes, HEAD, (i) => (i % 2 === 0 ? 'MAXIMUS guideline:\n' : 'Decision rationale:\n')),
  },
  {
    name: 'one item per line',
    make: (bytes) => repeatUnits(bytes, HEAD, (i) => `Item ${i}: ${i % 3 === 0 ? 'Overturned' : 'Upheld'}\n`),
  },
  {
    name: 'lone CR line ends',
    make: (bytes) => repeatUnits(bytes, HEAD.replace(/\n/g, '\r'), (i) =>
      `Norco ${i} mg #120: Upheld\rMAXIMUS guideline: Decision based on MTUS.\rDecision rationale: Not medically necessary.\r`),
  },
  {
    // One line, no line break at all: every per-line scan sees the whole text at once.
    name: 'one line, no breaks',
    make: (bytes) => repeatUnits(bytes, HEAD, (i) => `Norco ${i} mg #120 Upheld, MAXIMUS guideline cited; `),
  },
];

export interface HostileResult {
  shape: string;
  /** Median ms per MB of text at the small and the large size. */
  smallMsPerMB: number;
  largeMsPerMB: number;
  /** largeMsPerMB / smallMsPerMB: 1.0 is linear; the target is at most 2. */
  growth: number;
}
