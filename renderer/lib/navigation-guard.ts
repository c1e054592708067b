// Defence in depth behind the shell's own guards (Electron's will-navigate and window-open
// handlers, main/shell/security.ts): the page itself never leaves the app and never opens a
// window, so neither a link in an article nor a stray script can load a remote page.
export function guardNavigation(win: Window = window): void {
  const foreign = (url: string) => new URL(url, win.location.href).origin !== win.location.origin;
  win.navigation?.addEventListener('navigate', (event) => {
    if (foreign(event.destination.url)) event.preventDefault();
  });
  win.open = () => null;
  // Links that would open a new window (target, middle click) never reach the navigate event above.
  const stopLeavingLinks = (event: MouseEvent) => {
    const link = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
    if (link && (foreign(link.href) || (link.target && link.target !== '_self') || event.button === 1)) event.preventDefault();
  };
  win.document.addEventListener('click', stopLeavingLinks, true);
  win.document.addEventListener('auxclick', stopLeavingLinks, true);
}
