// Applies the security policy to every web contents the app creates.
import { app, dialog, session, shell, type Session, type WebContents } from 'electron';
import {
  isAppUrl,
  isExternalLinkAllowed,
  isPermissionGranted,
  isRequestAllowed,
  SPELLCHECK_DICTIONARY_URL,
  spellcheckAllowed,
} from './policy';

export function hardenApp(devServerUrl?: string, platform: string = process.platform): void {
  const harden = (s: Session) => {
    denyPermissions(s);
    keepSpellcheckOffline(s, platform);
  };
  harden(session.defaultSession);
  // Other sessions (e.g. the report printer's partition, which filters its requests itself) too.
  app.on('session-created', harden);
  // Nothing the app's pages load may leave the machine, whatever the CSP lets through.
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isRequestAllowed(details.url, devServerUrl) });
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url, devServerUrl)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url, devServerUrl)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      void offerExternalLink(contents, url);
      return { action: 'deny' };
    });
  });
}

/** No Hunspell dictionary is fetched: the checker is off unless the OS provides it, and points nowhere. */
function keepSpellcheckOffline(s: Session, platform: string): void {
  s.setSpellCheckerDictionaryDownloadURL(SPELLCHECK_DICTIONARY_URL);
  if (!spellcheckAllowed(platform)) s.setSpellCheckerEnabled(false);
}

function denyPermissions(s: Session): void {
  s.setPermissionRequestHandler((_wc, permission, callback) => callback(isPermissionGranted(permission)));
  s.setPermissionCheckHandler((_wc, permission) => isPermissionGranted(permission));
}

/** Opens a web link in the user's browser only after they confirm; anything else is dropped. */
async function offerExternalLink(contents: WebContents, url: string): Promise<void> {
  if (!isExternalLinkAllowed(url)) return;
  const { response } = await dialog.showMessageBox({
    type: 'question',
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: 'Open this link in your web browser?',
    detail: url,
  });
  if (response === 0 && !contents.isDestroyed()) await shell.openExternal(url);
}
