// What the command palette offers beyond the registered actions: jump to an article, an entity or
// a saved search by typing part of its name (fetched for what is typed, through a Query in
// CommandPalette.svelte), and Export…, which opens the report builder at its export buttons.
import { tick } from 'svelte';
import type { Action } from './actions.svelte';
import { call } from './api';
import { claimsTable } from './claims-table.svelte';
import type { Dependency } from './changes';
import { nav } from './navigation.svelte';

/** How many of each kind the archive is asked for; the palette's fuzzy match ranks them. */
const PER_KIND = 30;
/** What the jump entries depend on: a change to any refetches them while the palette is open. */
export const JUMP_DEPS: readonly Dependency[] = ['article', 'entity', 'savedSearch'];

/** The text to look names up by: at least two characters; the last word may be unfinished. */
export function jumpKey(typed: string): string | null {
  const text = typed.trim();
  return text.length >= 2 ? text : null;
}

export async function fetchJumps(text: string): Promise<Action[]> {
  // Article search is by whole words: the word being typed is a prefix.
  const words = text.replace(/["*]/g, ' ').trim();
  const [articles, entities, searches] = await Promise.all([
    words ? call('articles.list', { search: `${words}*`, limit: PER_KIND }) : Promise.resolve({ items: [] }),
    call('entities.list', { search: text }),
    call('savedSearches.list'),
  ]);
  return [
    ...articles.items.map((a): Action => ({
      id: `jump-article-${a.id}`,
      group: 'Article',
      label: a.outlet ? `${a.title || 'Untitled article'} — ${a.outlet}` : a.title || 'Untitled article',
      run: () => nav.go({ view: 'reader', articleId: a.id }),
    })),
    ...entities.slice(0, PER_KIND).map((e): Action => ({
      id: `jump-entity-${e.id}`,
      group: 'Entity',
      label: e.name,
      run: () => nav.go({ view: 'entity', entityId: e.id }),
    })),
    ...searches.map((s): Action => ({
      id: `jump-search-${s.id}`,
      group: 'Saved search',
      label: s.name,
      run: () => {
        claimsTable.apply(s.query);
        nav.go({ view: 'claims' });
      },
    })),
  ];
}

/** Export…: the report builder (on the claims selected in the table, if any), focus on its first export button. */
export const EXPORT_ACTION: Action = {
  id: 'export',
  group: 'File',
  label: 'Export…',
  run: () => void openExport(),
};

async function openExport(): Promise<void> {
  const ids = claimsTable.selectedCount > 0 ? await claimsTable.selectedIds() : [];
  nav.go(ids.length ? { view: 'reports', scope: { claimIds: ids } } : { view: 'reports' });
  // The view mounts on the next render; its buttons enable once the report's scope is known.
  for (let i = 0; i < 40; i++) {
    await tick();
    const target =
      document.querySelector<HTMLButtonElement>('[role="toolbar"][aria-label="Export"] button:not([disabled])') ??
      (i === 39 ? document.querySelector<HTMLElement>('main h1, h1') : null);
    if (target) {
      if (target.tagName === 'H1' && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus();
      return;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}
