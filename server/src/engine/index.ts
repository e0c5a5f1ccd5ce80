// The engine's public entry points: a string in, plain data out. Imports nothing from LSP,
// vscode, fs or process (test/unit/purity.test.ts enforces it).
export * from './types';
export * from './diagnostic';
export type { Rule, Finding } from './rule';
export { parse } from './parse';
export { lint, type LintResult } from './lint';
export { LintMemo } from './memo';
export { rules, ruleById, ruleDocPath } from './rules';
export { resolveSeverity } from './settings';
export { parseConfig } from './config';
export { LIMIT_CODE, MAX_DIAGNOSTICS, MAX_ITEMS } from './limits';
export { looksLikeLetter } from '../shared/letterSigns';
export { classifyGuidelineText, classifyCitation, guidelineClassId, ACOEM_CHAPTERS, type GuidelineClass, type GuidelineKind } from './guidelines';
export { classifyTreatment, type TreatmentCategory, type DrugGroup, type TreatmentClass } from './treatment';
export { readDate, isoDate, daysBetween, addDays, appealDeadline, courtHolidays, courtHolidayOn, isCourtDay, dayName, type AppealDeadline, type Holiday, type DateReading } from './dates';
export { itemTableFields, itemGuidelineClasses, letterAppealDeadline, type ItemTableFields } from './meaning';
export { dependencies, dependencyOf, dependentsOf, isSurgeryItem, type ItemDependency, type PrimaryStatus } from './dependency';
