// The keyboard map shown in the help overlay (F1 or ?). Handlers live with their views; this is
// the one list a user reads.
export const SHORTCUTS: { group: string; items: [keys: string, what: string][] }[] = [
  {
    group: 'Everywhere',
    items: [
      ['Mod+K', 'Command palette: every action and view'],
      ['Alt+1 … Alt+4', 'Library, Claims, Entities, Reports'],
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
      ['Delete', 'Delete (Ctrl+Z brings it back)'],
    ],
  },
  {
    group: 'Claims table',
    items: [
      ['1 … 8', 'Set the verdict by its number on the scale (asks for a note)'],
      ['s', 'Cycle the workflow status'],
      ['t', 'Add a tag to the selection'],
    ],
  },
  {
    group: 'Reader',
    items: [
      ['select text, then n', 'New claim from the selection'],
      ['a / r', 'Accept / reject the focused suggestion'],
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
