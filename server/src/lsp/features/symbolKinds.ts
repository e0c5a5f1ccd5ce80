// Which SymbolKind stands for what, chosen so that an outline sets the decisions apart at a
// glance in every editor (each kind has its own icon):
// - a section heading        -> Namespace  (a group of things)
// - an Upheld item           -> Constant   (the UR denial stays as it was)
// - an Overturned item       -> Event      (the UR denial is reversed: something happens)
// - an item with no decision -> Null       (nothing was decided that we could read)
// - the three fields         -> Field
import { SymbolKind } from 'vscode-languageserver';
import type { Decision } from '../../engine';
import { DecisionDetail } from '../protocol';

export const SECTION_KIND = SymbolKind.Namespace;
export const FIELD_KIND = SymbolKind.Field;

export function itemKind(decision: Decision | null): SymbolKind {
  if (decision === 'Upheld') return SymbolKind.Constant;
  if (decision === 'Overturned') return SymbolKind.Event;
  return SymbolKind.Null;
}

/** The symbol detail of an item: its decision, or "no decision". */
export function itemDetail(decision: Decision | null): string {
  if (decision === 'Upheld') return DecisionDetail.upheld;
  if (decision === 'Overturned') return DecisionDetail.overturned;
  return DecisionDetail.none;
}
