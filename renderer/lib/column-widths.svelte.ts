// Resizable columns, shared by the claims table and the library: each column's default CSS track and
// narrowest width, the widths a user set (by dragging a header's grip or from the keyboard), kept in
// localStorage between sessions like the app's other view preferences.

export interface ResizableColumn<Id extends string = string> {
  id: Id;
  label: string;
  /** The CSS grid track until the user resizes the column. */
  width: string;
  /** The narrowest a user may make it (px). */
  min: number;
}

export type WidthsOf<Id extends string> = Partial<Record<Id, number>>;

export const MAX_WIDTH = 1200;

export function readPref(key: string): unknown {
  try {
    return JSON.parse(localStorage.getItem(key) ?? 'null') as unknown;
  } catch {
    return null; // unreadable preference: the defaults apply
  }
}

export function writePref(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // storage full or disabled: the choice lasts for this session only
  }
}

export function clampWidth(c: Pick<ResizableColumn, 'min'>, px: number): number {
  return Math.round(Math.min(MAX_WIDTH, Math.max(c.min, px)));
}

/** The grid's column template: a resized column keeps its width, the others their default track. */
export function columnTemplate<Id extends string>(defs: ResizableColumn<Id>[], widths: WidthsOf<Id>): string {
  return defs.map((c) => (widths[c.id] ? `${widths[c.id]}px` : c.width)).join(' ');
}

/** Widths saved under `key`, for the columns still known (each within its bounds). */
export function loadWidthsFrom<Id extends string>(key: string, defs: ResizableColumn<Id>[]): WidthsOf<Id> {
  const saved = readPref(key);
  const out: WidthsOf<Id> = {};
  if (saved && typeof saved === 'object') {
    for (const c of defs) {
      const w = (saved as Record<string, unknown>)[c.id];
      if (typeof w === 'number' && Number.isFinite(w)) out[c.id] = clampWidth(c, w);
    }
  }
  return out;
}

/** The widths a user gave a table's columns, remembered under `key`. */
export class RememberedWidths<Id extends string> {
  widths = $state.raw<WidthsOf<Id>>({});

  constructor(
    private readonly key: string,
    private readonly defs: ResizableColumn<Id>[],
  ) {
    this.widths = loadWidthsFrom(key, defs);
  }

  /** Sets a column's width (px, within its bounds) and remembers it. */
  resize(id: Id, px: number): void {
    const def = this.defs.find((c) => c.id === id);
    if (!def) return;
    this.widths = { ...this.widths, [id]: clampWidth(def, px) };
    writePref(this.key, this.widths);
  }

  /** Back to the column's default width. */
  reset(id: Id): void {
    const rest = { ...this.widths };
    delete rest[id];
    this.widths = rest;
    writePref(this.key, this.widths);
  }

  /** Every column back to its default width. */
  resetAll(): void {
    this.widths = {};
    writePref(this.key, this.widths);
  }

  template(defs: ResizableColumn<Id>[] = this.defs): string {
    return columnTemplate(defs, this.widths);
  }
}
