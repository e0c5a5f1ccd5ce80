// The engine's public entry points: a string in, plain data out. Imports nothing from LSP,
// vscode, fs or process (test/unit/purity.test.ts enforces it).
export * from './types';
export * from './diagnostic';
export type { Rule, Finding } from './rule';
export { parse } from './parse';
export { lint, type LintResult } from './lint';
export { rules, ruleById, ruleDocPath } from './rules';
export { resolveSeverity } from './settings';
export { looksLikeLetter } from './detect';
export { dependencies, dependencyOf, dependentsOf, isSurgeryItem, type ItemDependency, type PrimaryStatus } from './dependency';
