// The modal dialogs open now, innermost last. Dialog.svelte adds its box when it opens and removes it
// when it closes; what must keep clear of an open dialog (the toasts) reads `top` and follows it.
class OpenDialogs {
  private boxes = $state.raw<HTMLElement[]>([]);

  /** The dialog opened last (the one the researcher works in), or null when none is open. */
  get top(): HTMLElement | null {
    return this.boxes.at(-1) ?? null;
  }

  /** Records an opened dialog; the returned function records its closing. */
  opened(box: HTMLElement): () => void {
    this.boxes = [...this.boxes, box];
    return () => {
      this.boxes = this.boxes.filter((b) => b !== box);
    };
  }
}

export const openDialogs = new OpenDialogs();
