// The app's security policy as plain data and pure functions, so tests can assert it without
// Electron. The Electron adapters in this folder apply it.

/** The renderer is served from this privileged custom scheme, never from file:. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'claimdesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Strict CSP for the app's pages: nothing remote, no eval, no plugins, no framing. */
export const APP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  // Svelte sets style attributes; inline styles cannot run code.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Spelling is checked only where the OS does it (macOS): on Windows and Linux Chromium would fetch
 * Hunspell dictionaries from a Google CDN, and Claimdesk makes no network requests.
 */
export function spellcheckAllowed(platform: string): boolean {
  return platform === 'darwin';
}

/** Where Chromium is told to fetch dictionaries from: the app's own scheme, which serves none. */
export const SPELLCHECK_DICTIONARY_URL = `${APP_ORIGIN}/no-dictionaries/`;

const NETWORK_SCHEMES = ['http:', 'https:', 'ws:', 'wss:', 'ftp:'];

/** An app session's request may go out only to the dev server while developing; never elsewhere. */
export function isRequestAllowed(url: string, devServerUrl?: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (!NETWORK_SCHEMES.includes(u.protocol)) return true; // app:, data:, blob: stay on this machine
  return devServerUrl ? u.host === new URL(devServerUrl).host : false;
}

/** Options every app window is created with (Electron's security checklist). */
export function secureWebPreferences(preloadPath: string | null, platform: string = process.platform) {
  return {
    ...(preloadPath ? { preload: preloadPath } : {}),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: spellcheckAllowed(platform),
    safeDialogs: true,
  } as const;
}

/** Options of the hidden window that prints reports: no script at all, no preload. */
export function printWebPreferences() {
  return { ...secureWebPreferences(null), javascript: false, images: true, spellcheck: false } as const;
}

/** True when url belongs to the app itself (or the dev server while developing). */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  try {
    const u = new URL(url);
    if (u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST) return true;
    if (devServerUrl) return u.origin === new URL(devServerUrl).origin;
    return false;
  } catch {
    return false;
  }
}

/** The parts of an IPC sender frame the trust decision needs (Electron's WebFrameMain has them). */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

/**
 * An IPC message is trusted only from the top-level frame of one of the app's own windows, showing
 * an app page: never from a subframe, another web contents, or a page navigated elsewhere.
 */
export function isTrustedSender<F extends SenderFrame>(frame: F | null, appMainFrames: readonly F[], devServerUrl?: string): boolean {
  if (!frame || frame.parent) return false;
  return appMainFrames.includes(frame) && isAppUrl(frame.url, devServerUrl);
}

/** Only plain web links may be handed to the OS browser, and only after the user confirms. */
export function isExternalLinkAllowed(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

/** Every permission request (camera, notifications, geolocation...) is denied: the app needs none. */
export function isPermissionGranted(_permission: string): boolean {
  return false;
}

/**
 * Resolves a request path of the app scheme to a file under root, or null when it would escape
 * root (path traversal) or is malformed.
 */
export function resolveAppPath(root: string, requestUrl: string, join: (...p: string[]) => string, sep: string): string | null {
  let pathname: string;
  try {
    const u = new URL(requestUrl);
    if (u.host !== APP_HOST) return null;
    pathname = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const parts = pathname.split('/').filter((p) => p && p !== '.');
  if (parts.some((p) => p === '..' || p.includes('\\'))) return null;
  const file = join(root, ...(parts.length ? parts : ['index.html']));
  return file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : null;
}

/**
 * What the system's viewer may be asked to open: the document kinds Claimdesk imports (a saved web
 * page only as the safe .html copy it writes), never a program, script or shortcut.
 */
export const OPENABLE_EXTENSIONS = ['pdf', 'docx', 'txt', 'md', 'markdown', 'html', 'csv', 'tsv', 'json', 'jsonld'] as const;

/**
 * True when `file` (a real path: links already resolved) may be handed to the system's viewer: a
 * document inside the session's folder for copies of originals (`folder`, also a real path), never
 * the folder itself, and never anything outside it.
 */
export function isOpenableCopy(folder: string, file: string, sep: string): boolean {
  if (!folder || !file || file.includes('\0')) return false;
  const root = folder.endsWith(sep) ? folder : folder + sep;
  if (!file.startsWith(root) || file.length === root.length) return false;
  if (
    file
      .slice(root.length)
      .split(sep)
      .some((part) => part === '' || part === '.' || part === '..')
  )
    return false;
  const ext = /\.([a-z0-9]{1,12})$/i.exec(file)?.[1]?.toLowerCase();
  return ext !== undefined && (OPENABLE_EXTENSIONS as readonly string[]).includes(ext);
}
