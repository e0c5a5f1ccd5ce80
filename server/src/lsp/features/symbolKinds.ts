// Which SymbolKind stands for what. VS Code shows the kind as an icon and names it in a tooltip,
// so the kinds are chosen for words a reader understands, and so that the decisions differ:
// - a section heading        -> File      ("file": a part of the letter)
// - an Upheld item           -> Constant  ("constant": the UR denial stays as it was)
// - an Overturned item       -> Event     ("event": the UR denial is reversed, something happens)
// - an item with no decision -> Key       ("key": look here, nothing was decided that we could read)
// Fields are not symbols (symbols.ts).
import { SymbolKind } from 'vscode-languageserver';
import type { Decision } from '../../engine';

export const SECTION_KIND = SymbolKind.File;

export function itemKind(decision: Decision | null): SymbolKind {
  if (decision === 'Upheld') return SymbolKind.Constant;
  if (decision === 'Overturned') return SymbolKind.Event;
  return SymbolKind.Key;
}
