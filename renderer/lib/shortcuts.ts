// The keyboard map shown in the help overlay (F1 or ?). Handlers live with their views; this is
// the one list a user reads.
import { DEFAULT_SCALE, findScale, VERDICT_SCALES } from '../../shared/verdicts';

/** "1–7": the number keys that set a verdict on a scale (the claims table's footer says the same). */
export function verdictKeys(scale: string): string {
  return `1–${findScale(scale)?.verdicts.length ?? 1}`;
}
const scaleKeys = VERDICT_SCALES.map((s) => `${verdictKeys(s.key)} on ${s.key === DEFAULT_SCALE ? 'the default scale' : s.label}`).join(
  ', ',
);

export const SHORTCUTS: { group: string; items: [keys: string, what: string][] }[] = [
  {
    group: 'Everywhere',
    items: [
      ['Mod+K', 'Command palette: every action and view'],
      ['Alt+1 … Alt+4', 'Library, Claims, Entities, Reports (also while typing in a field)'],
      ['Alt+N', 'Next article with suggestions to review'],
      ['Mod+Z', 'Undo'],
      ['Mod+Shift+Z', 'Redo'],
      ['Mod+O', 'Import files'],
      ['F1 or ?', 'This help'],
      ['Esc', 'Close the dialog or panel'],
    ],
  },
  {
    group: 'Lists and tables',
    items: [
      ['j / k or ↓ / ↑', 'Next / previous row'],
      ['Shift+j / Shift+k', 'Extend the selection'],
      ['Space', 'Select or unselect the row'],
      ['Mod+A', 'Select everything shown'],
      ['Enter', 'Open'],
      ['/', 'Search'],
      ['e', 'Edit (article details in the library)'],
      ['c', 'Library: add the article to a collection, or take it out of one (the palette shows them)'],
      ['Delete', 'Delete (Ctrl+Z brings it back)'],
    ],
  },
  {
    group: 'Claims table',
    items: [
      [verdictKeys(DEFAULT_SCALE), `Set the verdict by its number on the claim's scale (asks for a note): ${scaleKeys}`],
      ['s', 'Cycle the workflow status'],
      ['t', 'Add a tag to the selection'],
    ],
  },
  {
    group: 'Reader',
    items: [
      ['select text, then n', 'New claim from the selection'],
      ['select text, then h', 'Highlight: keep the passage as context without making it a claim'],
      ['Alt+→ / Alt+←', 'Select the next / previous sentence (from the caret, or the passage last shown)'],
      ['Shift+Alt+→ / Shift+Alt+←', 'Extend the selection by a sentence / move its end back a sentence'],
      ['Esc', 'Clear the selection; with none, back to the library'],
      ['o', 'Open the original file in your system’s viewer (a saved web page as a copy without its scripts)'],
      ['c', 'Add the article to a collection, or take it out of one (the palette shows them)'],
      ['j / k', 'Next / previous suggestion or claim in the side panel'],
      ['a / r', 'Accept / reject the focused suggestion; the next one takes the focus'],
      ['e or Enter', 'Edit the focused suggestion before accepting it'],
      ['n / Delete (on a highlight)', 'Edit the highlight’s note / delete it (Ctrl+Z brings it back); Enter shows its passage'],
      ['← / → (on a tab)', 'Switch between Claims, Suggestions and Highlights; Home / End: first / last tab'],
    ],
  },
  {
    group: 'Claim editor',
    items: [
      ['Mod+S or Mod+Enter', 'Save'],
      ['Esc', 'Close (asks first when there are unsaved changes)'],
    ],
  },
];
