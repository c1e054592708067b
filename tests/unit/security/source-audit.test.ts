// Checklist items that are about what the code never does, checked over the sources and the
// build: no loosened window options anywhere, openExternal only behind the policy, no raw HTML
// in the renderer without a sanitizer, no eval in the shipped bundle, a current Electron.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, ensureBuilt } from '../release/built';

function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, ext);
    return ext.test(name) ? [path] : [];
  });
}

const SOURCES = ['main', 'preload', 'renderer'].flatMap((d) => filesUnder(join(ROOT, d), /\.(ts|svelte)$/));
const read = (file: string) => readFileSync(file, 'utf8');
const offenders = (pattern: RegExp, files = SOURCES) => files.filter((f) => pattern.test(read(f))).map((f) => relative(ROOT, f));

describe('source audit', () => {
  it('never loosens a window option, anywhere', () => {
    const loosened =
      /(nodeIntegration|nodeIntegrationInWorker|nodeIntegrationInSubFrames|webviewTag|allowRunningInsecureContent|experimentalFeatures)\s*:\s*true|(contextIsolation|sandbox|webSecurity)\s*:\s*false|enableBlinkFeatures|allowpopups|disablewebsecurity/i;
    expect(offenders(loosened)).toEqual([]);
  });

  it('#15 calls shell.openExternal in one place, after the policy check and a confirmation', () => {
    expect(offenders(/openExternal\s*\(/)).toEqual(['main/shell/security.ts']);
    const security = read(join(ROOT, 'main/shell/security.ts'));
    const body = security.slice(security.indexOf('async function offerExternalLink'));
    expect(body.indexOf('isExternalLinkAllowed(url)')).toBeGreaterThan(-1);
    expect(body.indexOf('isExternalLinkAllowed(url)')).toBeLessThan(body.indexOf('showMessageBox'));
    expect(body.indexOf('showMessageBox')).toBeLessThan(body.indexOf('openExternal('));
  });

  it('#14 never allows a new window', () => {
    expect(offenders(/action\s*:\s*['"]allow['"]/)).toEqual([]);
  });

  it('#18 serves the app from its own scheme without bypassing the CSP, and never from file:', () => {
    const protocol = read(join(ROOT, 'main/shell/protocol.ts'));
    expect(protocol).not.toMatch(/bypassCSP|allowServiceWorkers|registerFileProtocol/);
    expect(offenders(/loadFile\s*\(|loadURL\s*\(\s*['"`]file:/)).toEqual([]);
  });

  it('inserts no raw HTML into the renderer except through a sanitizer', () => {
    const rawHtml = /\{@html\s|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write/;
    const unsanitized = SOURCES.filter((f) => f.includes('/renderer/') && rawHtml.test(read(f)) && !/dompurify|sanitize/i.test(read(f)));
    expect(unsanitized.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('runs no dynamic code in main, preload or renderer sources', () => {
    expect(offenders(/\beval\s*\(|new Function\s*\(|executeJavaScript\s*\(/)).toEqual([]);
  });

  it('#16 uses a supported Electron (45 or later)', () => {
    const { version } = JSON.parse(read(join(ROOT, 'node_modules/electron/package.json'))) as { version: string };
    expect(Number(version.split('.')[0])).toBeGreaterThanOrEqual(45);
  });
});

describe('the shipped renderer bundle', () => {
  let bundles: string[];
  beforeAll(async () => {
    await ensureBuilt();
    bundles = filesUnder(join(ROOT, 'out/renderer/assets'), /\.js$/);
  }, 300_000);

  it('contains no eval or Function constructor (the CSP would block them anyway)', () => {
    expect(bundles.length).toBeGreaterThan(0);
    expect(offenders(/\beval\s*\(|new Function\s*\(/, bundles)).toEqual([]);
  });
});
