// A saved web page as a copy that is safe to hand to the system's browser: the stored original is
// never opened there, because a browser would run the page's scripts (and fetch its trackers) from a
// local file. The copy keeps the page's text, markup and inline styles; it drops every script, frame,
// plugin, form target, redirect and event handler, and starts with a Content-Security-Policy that
// blocks scripts and every remote request even if something slipped through the cleaning.
import { parseHTML } from 'linkedom';
import { decodeText } from '../decode';
import { fromRoot } from './html';
import { mhtmlPage } from './mhtml';

/** Extensions whose originals are web pages: opened only as a safe copy (never as stored). */
export const WEB_PAGE_TYPES = ['html', 'htm', 'xhtml', 'mhtml', 'mht'] as const;

export function isWebPage(type: string): boolean {
  return (WEB_PAGE_TYPES as readonly string[]).includes(type.toLowerCase());
}

/** What the copy's browser may do: show the page's own markup, inline styles and embedded images; nothing else. */
export const SAFE_COPY_CSP = [
  "default-src 'none'",
  "script-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  'font-src data:',
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Elements that run code, load other documents or move the page elsewhere. */
const DROPPED = [
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'portal',
  'base',
  'link',
  'meta[http-equiv]',
  'template',
];

/** Attributes holding a URL: kept only when the URL cannot run code. */
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'background', 'ping', 'srcset', 'lowsrc'];

/** Attributes a browser follows only when the reader clicks (a link), not to load part of the page. */
const LINK_ATTRIBUTES = ['href', 'xlink:href'];

/**
 * A URL that opens a page (links only) or an embedded image, never one that runs code
 * ("javascript:", "data:text/html"…) nor one that loads something from the network as the page opens.
 */
function harmlessUrl(value: string, link: boolean): boolean {
  // Browsers ignore whitespace and control characters inside a scheme ("java\tscript:").
  const v = [...value]
    .filter((ch) => ch.charCodeAt(0) > 0x20 && (ch.charCodeAt(0) < 0x7f || ch.charCodeAt(0) > 0x9f))
    .join('')
    .toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(v)?.[1] ?? (v.startsWith('//') ? 'http' : undefined);
  if (!scheme) return true; // relative or a fragment: resolved against the copy's own folder
  if (scheme === 'http' || scheme === 'https' || scheme === 'mailto') return link;
  return scheme === 'data' && /^data:image\/(png|gif|jpeg|webp|avif)[;,]/.test(v);
}

/** The page's HTML as it was saved: decoded as the importer decodes it (MHTML: its text/html part). */
export function webPageHtml(bytes: Uint8Array, type: string, name = 'file'): string {
  const t = type.toLowerCase();
  return t === 'mhtml' || t === 'mht' ? mhtmlPage(bytes).html : decodeText(bytes, 'html', name).text;
}

/**
 * The safe copy of a saved page: `note` is shown at its top (what this copy is). Returns a whole
 * UTF-8 document with the CSP first in its head.
 */
export function safeHtmlCopy(html: string, note: string): string {
  const { document } = parseHTML(fromRoot(html));
  for (const el of [...document.querySelectorAll(DROPPED.join(','))]) el.remove();
  for (const el of [...document.querySelectorAll('*')]) {
    for (const attr of [...el.attributes]) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) el.removeAttribute(attr.name);
      else if (URL_ATTRIBUTES.includes(name) && !harmlessUrl(attr.value, LINK_ATTRIBUTES.includes(name) && el.localName === 'a'))
        el.removeAttribute(attr.name);
      else if (name === 'srcdoc') el.removeAttribute(attr.name);
    }
    // SVG animation can set an attribute to a script URL ("<set attributeName=href to=javascript:…>").
    if (['set', 'animate'].includes(el.localName) && /href/i.test(el.getAttribute('attributeName') ?? '')) el.remove();
  }
  let head = document.querySelector('head');
  if (!head) {
    head = document.createElement('head');
    document.documentElement.insertBefore(head, document.documentElement.firstChild);
  }
  for (const el of [...head.querySelectorAll('meta[charset]')]) el.remove();
  const csp = document.createElement('meta');
  csp.setAttribute('http-equiv', 'Content-Security-Policy');
  csp.setAttribute('content', SAFE_COPY_CSP);
  const charset = document.createElement('meta');
  charset.setAttribute('charset', 'utf-8');
  head.insertBefore(csp, head.firstChild);
  head.insertBefore(charset, head.firstChild);
  const body = document.querySelector('body');
  if (body) {
    const banner = document.createElement('p');
    banner.setAttribute('role', 'note');
    banner.setAttribute(
      'style',
      'margin:0;padding:8px 12px;font:13px/1.4 system-ui,sans-serif;background:#fff8d6;color:#3d3200;border-bottom:1px solid #e6d68a',
    );
    banner.textContent = note;
    body.insertBefore(banner, body.firstChild);
  }
  return `<!DOCTYPE html>\n${document.documentElement.outerHTML}`;
}
