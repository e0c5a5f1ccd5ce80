// What one letter can make the engine produce, whatever its text (issue 13): a letter is a few
// pages with a few items, so these only ever bind on hostile or broken input, and they keep its
// cost and the size of every answer about it bounded. Stated in the README.

/** Items read from one letter; reading stops at the header of the next one. */
export const MAX_ITEMS = 100_000;

/** Diagnostics reported for one letter, in document order; one more closing diagnostic says how many were left out. */
export const MAX_DIAGNOSTICS = 1_000;

/** The code of the diagnostics that say a limit was reached. Not a rule: it cannot be turned off. */
export const LIMIT_CODE = 'limit-reached';
