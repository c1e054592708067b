// A title for text that has none: the first sentence, shortened at a clause and rewritten the way
// headlines are ("X said Friday that Y" -> "X says Y").
import { datelineLength } from './agencies';
import { decodeLeftoverEntities } from './byline';

const MAX_TITLE = 120;
const WEEKDAY = '(?:on\\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|on\\s+\\w+\\s+\\d{1,2})';

function firstSentence(text: string): string {
  const body = text.slice(datelineLength(text)).trim();
  const firstPara = body.split(/\n\s*\n/)[0].replace(/\s+/g, ' ');
  const m = /^(.{20,}?[.!?])(?=\s+["“‘']?[\p{Lu}\d])/u.exec(firstPara);
  return (m ? m[1] : firstPara).trim();
}

function headlineTense(sentence: string): string {
  const re = new RegExp(`^(.{3,80}?)\\s+said\\s+(?:${WEEKDAY}\\s+)?(?:that\\s+)?(.+)$`);
  const m = re.exec(sentence);
  return m ? `${m[1]} says ${m[2]}` : sentence;
}

function shorten(sentence: string): string {
  const noStop = sentence.replace(/[.!?]+$/, '');
  if (noStop.length <= MAX_TITLE) return noStop;
  const clause = /^(.{30,}?)(?:,|;|:| — | - | – )/.exec(noStop);
  if (clause && clause[1].length <= MAX_TITLE) return clause[1];
  const cut = noStop.slice(0, MAX_TITLE);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 40 ? cut.lastIndexOf(' ') : MAX_TITLE)}…`;
}

/** A headline-like title derived from the body text; "Untitled" for text without words. */
export function deriveTitle(text: string): string {
  const sentence = firstSentence(text);
  if (!/\p{L}/u.test(sentence)) return 'Untitled';
  const clause = shorten(sentence);
  const firstClause = /^(.{30,}?), [\p{Ll}]/u.exec(clause);
  return headlineTense(firstClause && firstClause[1].length > 40 ? firstClause[1] : clause);
}

// --- The headline of a web page -------------------------------------------------------------------
// Pages state their title several times: <title> (usually with the site's name: "Headline | Site",
// "Site - Section - Headline"), og:title / twitter:title, the JSON-LD headline and the <h1> a reader
// sees. The site's name is learned from the page itself (og:site_name, the publisher, the host, and
// the part the candidates do not share) and cut; the visible headline wins when it is one of them.

const SEPARATOR = /\s+[|–—\-·•»«:/~>]\s+|\s*[|•»·]\s*|\s+::\s+/u;

function normTitle(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function collapse(s: string): string {
  // Entities escaped twice ("Malerrolle &amp; Farbe") and a date before the headline ("23.01.2022 - …").
  return decodeLeftoverEntities(s)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{4}|\d{2})\s+[-–—|]\s+(?=\S)/u, '');
}

function segments(title: string): string[] {
  return title
    .split(SEPARATOR)
    .map(collapse)
    .filter((x) => x);
}

/** Segments that are navigation, not a headline nor the site's own name. */
const GENERIC =
  /^(?:home|homepage|startseite|start|index|news|aktuelles|nachrichten|neuigkeiten|blog|blog archiv(?:e)?|archiv(?:e)?|accueil|actualités|inicio|noticias|notizie|artikel|article|articles|beitrag|meldung|pressemitteilungen?|medienmitteilungen?|press releases?|untitled(?: document)?)$/iu;

/** True when a title segment names the site: its name, its host, or the host's main label. */
function isSiteName(segment: string, sites: string[]): boolean {
  if (GENERIC.test(segment.trim())) return true;
  if (/^(?:www\.)?[\p{L}\d-]+\.(?:[a-z]{2,6})$/iu.test(segment.trim())) return true; // "Pastebin.com"
  const n = normTitle(segment).replace(/\s+/g, '');
  if (!n) return true;
  return sites.some((s) => s && (s === n || (s.length >= 4 && (n.includes(s) || s.includes(n)) && Math.abs(s.length - n.length) <= 12)));
}

export interface TitleSources {
  /** JSON-LD headline, og:title, twitter:title, dc.title: stated titles, best first. */
  stated: (string | null | undefined)[];
  /** The <title> element. */
  documentTitle: string | null | undefined;
  /** Texts of the page's <h1> elements (then <h2> when it has none), in order. */
  headings: string[];
  /** og:site_name, application-name, the JSON-LD publisher, the host. */
  siteNames: (string | null | undefined)[];
}

/** The part of a title that is not the site's name; the title itself when nothing is cut. */
/** A Chinese/Japanese/Korean site name glued to the title: "…英雄的城！-新华网", "…_人民网", "…｜NHKニュース". */
const CJK_SITE_SUFFIX =
  /(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}！？。」』])\s*[-_—|｜–]\s*[\p{L}\d]{0,12}(?:网|網|报|報|新闻|新聞|日报|日報|在线|频道|ニュース|新聞社|뉴스|신문|일보)$/u;

export function stripSiteName(title: string, siteNames: (string | null | undefined)[]): string {
  title = title.replace(CJK_SITE_SUFFIX, '');
  const sites = siteNames.filter((s): s is string => !!s).map((s) => normTitle(s).replace(/\s+/g, ''));
  const parts = segments(title);
  if (parts.length < 2) return collapse(title);
  const kept = parts.filter((p) => !isSiteName(p, sites));
  if (kept.length === 0) return collapse(title);
  if (kept.length === parts.length) {
    // No part is known to be the site: behind a strong separator ("|", "»", "·"), a short part at
    // either end is the site's name when the other part is clearly the longer one.
    const strong = title
      .split(/\s*[|»·•]\s*|\s+::\s+/u)
      .map(collapse)
      .filter((x) => x);
    if (strong.length >= 2) {
      const longest = strong.reduce((a, b) => (b.length > a.length ? b : a));
      const others = strong.filter((x) => x !== longest);
      if (others.every((o) => o.length * 1.5 <= longest.length && o.split(' ').length <= 5)) return longest;
    }
    return collapse(title);
  }
  // "Time 4 talks » Blog Archiv » Post title": a navigation segment between parts is a breadcrumb —
  // the headline is the longer side of it.
  const nav = parts.findIndex((p) => GENERIC.test(p.trim()));
  if (nav > 0 && nav < parts.length - 1) {
    const before = parts.slice(0, nav).filter((p) => !isSiteName(p, sites));
    const after = parts.slice(nav + 1).filter((p) => !isSiteName(p, sites));
    if (before.length && after.length) {
      const side = after.join(' ').length >= before.join(' ').length ? after : before;
      return side.length === 1 ? side[0] : stripSiteName(side.join(' - '), siteNames);
    }
  }
  // Keep the original text between the first and last kept segment ("A: B" inside a headline stays).
  const first = title.indexOf(kept[0]);
  const lastSeg = kept[kept.length - 1];
  const last = title.lastIndexOf(lastSeg);
  return first >= 0 && last >= first ? collapse(title.slice(first, last + lastSeg.length)) : kept.join(' - ');
}

/** Site name learned from <title> against a stated title: the part <title> adds before or after it. */
function learnedSuffix(documentTitle: string, stated: string): string | null {
  const d = collapse(documentTitle);
  const s = collapse(stated);
  if (d === s || !d.includes(s)) return null;
  const rest = collapse(d.replace(s, ' ').replace(/^[\s|–—\-·•»:/~]+|[\s|–—\-·•»:/~]+$/gu, ''));
  return rest || null;
}

/** The headline a reader sees, without the site's name. */
export function pickTitle(src: TitleSources): string | null {
  const stated = src.stated.map((t) => (t ? collapse(t) : '')).filter((t) => t.length > 1);
  const docTitle = src.documentTitle ? collapse(src.documentTitle) : '';
  const sites = src.siteNames.filter((s): s is string => !!s);
  for (const s of stated) {
    const suffix = docTitle ? learnedSuffix(docTitle, s) : null;
    if (suffix) sites.push(suffix);
  }
  const siteKeys = sites.map((s) => normTitle(s).replace(/\s+/g, ''));
  const raw = [...stated, docTitle].filter((t) => t);
  const candidates = raw.map((t) => stripSiteName(t, sites)).filter((t) => !GENERIC.test(t));
  const headings = src.headings.map(collapse).filter((h) => h.length > 1 && h.length < 400 && !isSiteName(h, siteKeys));
  // The visible headline when a stated title or <title> names it, best-stated first.
  for (const c of candidates) {
    const nc = normTitle(c);
    const h = headings.find((x) => normTitle(x) === nc);
    if (h) return h;
  }
  for (const r of raw.map(normTitle)) {
    const h = headings.find((x) => {
      const nh = normTitle(x);
      return nh.length >= 8 && r.includes(nh) && nh.length >= r.length * 0.4;
    });
    if (h) return h;
  }
  // The one headline on the page worded a little differently from the stated title ("und bunten Farben"
  // for "& bunter Farbe"): the reader sees the headline.
  if (candidates[0] && headings.length === 1) {
    const words = (t: string) =>
      new Set(
        normTitle(t)
          .split(' ')
          .filter((w) => w.length > 2),
      );
    const a = words(candidates[0]);
    const b = words(headings[0]);
    const shared = [...a].filter((w) => b.has(w)).length;
    if (b.size >= 3 && shared >= 0.6 * Math.min(a.size, b.size) && shared >= 3) return headings[0];
  }
  return candidates[0] || (headings[0] ?? null);
}
