// Everything the user can do, for the command palette and the help overlay. The shell registers
// global actions; each view registers its own while it is shown.
/* eslint-disable svelte/prefer-svelte-reactivity -- Maps and Sets here are replaced whole in $state.raw fields (or are private bookkeeping), never mutated while reactive. */
import { untrack } from 'svelte';

export interface Action {
  id: string;
  label: string;
  group: string;
  /** Display form, e.g. "Mod+K" (rendered per platform). */
  shortcut?: string;
  run: () => void;
  /** Hidden from the palette when false. */
  enabled?: () => boolean;
}

type Source = () => Action[];

export class ActionRegistry {
  private sources = $state.raw<Map<string, Source>>(new Map());

  /** Registers a group of actions; returns the function that removes them. */
  register(key: string, source: Source): () => void {
    // Views register from effects: reading the registry there must not make them depend on it.
    untrack(() => {
      const next = new Map(this.sources);
      next.set(key, source);
      this.sources = next;
    });
    return () =>
      untrack(() => {
        const after = new Map(this.sources);
        if (after.get(key) === source) after.delete(key);
        this.sources = after;
      });
  }

  all(): Action[] {
    return [...this.sources.values()].flatMap((s) => s()).filter((a) => a.enabled?.() ?? true);
  }
}

export const actions = new ActionRegistry();
