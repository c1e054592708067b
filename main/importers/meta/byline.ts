// Bylines as pages print them, turned into author names: "By Jane Doe and John Roe" -> two authors;
// "ByTravis Haney", "By: Drew Dietsch", "Von Anna Müller", "Par Jean Dupont" -> the name;
// handles, dates, roles, outlet names and "Posted: ..." tails are cut; account names, boilerplate
// and bylines that are only the outlet are no author at all.
import { agencyNamed } from './agencies';
import { normaliseDate } from './dates';

const BY_PREFIX =
  /^(?:(?:written|posted|published|reported|text|words|story|interview)\s+(?:and\s+\w+\s+)?by|(?:veröffentlicht|publiziert|geschrieben|verfasst|erstellt)\s+von|(?:publié|écrit)\s+par|(?:publicado|escrito)\s+por|(?:pubblicato|scritto)\s+da|by|von|vom|par|por|di|door|av|af|от|автор|автори|автор(?:ы|и)|text(?:\s*(?:und|and|&|\+)\s*\p{L}+)?|texte|texto|testo|autor(?:in|en)?|auteurs?|autor[ei]|autores|authors?|redakteur(?:in)?|reporter)\b\s*[:.\-–—]?\s*/iu;
/** A source credit under or after the story: "Quelle: dpa", "Source : AFP". */
const SOURCE_LABEL = /^(?:quelle|source|fuente|fonte)\s*:\s*/iu;
// "ByTravis Haney", "Veröffentlicht vonChris Jung", "AuthorAndreas Kalt", "SHOW ALL ARTICLES OFHeiko Sauer"
const BY_GLUED = /^(?:[\p{L} ]{0,30}?\s(?:[Vv]on|[Bb]y|BY|OF|[Oo]f)|By|Author|AUTHOR|Autor|AUTOR|Auteur|[Vv]on|[Bb]y)(?=\p{Lu}\p{Ll})/u;
/** A label inside a byline after which the name follows: "Datum: 19.11.2021 Autor: Fritz Imhof". */
const INNER_LABEL =
  /^.{0,60}?\b(?:Autor(?:in|[/*:]in)?|Author|Auteur|Autore|Verfasser(?:in)?|Text|Von|By|Redaktion|Piše|Pisze|Napisal[a]?)\s*:\s*(?=\p{Lu})/u;
/** Link and page labels that end in the name: "View all posts by Jane Doe", "Zeige alle Beiträge von …", "Pressemitteilung von …", "Artikel von: …". */
const LINK_LABEL =
  /^(?:(?:view|see|show|read|more)\s+(?:all\s+)?(?:posts|articles|stories|entries)\s+(?:by|from)|(?:zeige\s+)?alle\s+(?:beiträge|artikel)\s+von|mehr\s+(?:beiträge|artikel)\s+von|(?:pressemitteilung|beitrag|artikel|gastbeitrag|kommentar)\s+von|tous\s+les\s+articles\s+(?:de|par)|interview)\s*:?\s+(?=\p{L})/iu;
/** Page labels glued to the end of a name: "Fritz ImhofQuelle: Livenet", "Inga HoeltmannFollow". */
const GLUED_TAIL = /(\p{Ll})(?:Quelle|Source|Fuente|Follow|Folgen|Share|Teilen|Mehr|More|Kontakt|Contact|Profil|Profile)(?!\p{Ll}).*$/u;

/** Words that make a "name" boilerplate: a navigation or form label, not a person. */
const BOILERPLATE =
  /^(?:posted(?:\s+on)?|published(?:\s+by|\s+on)?|follow|share|comments?|leave a (?:comment|reply)|read more|more|by|von|par|por|name(?:\s*\(erforderlich\))?|alle beiträge|all posts|(?:artikel|beitrag|beiträge|posts?|articles?)\s+(?:von|by|de|par)|no author|unknown|anonymous|admin(?:istrator)?|wordpressadmin|webmaster|editor|user|owner|guest|gast|staff|website|web ?site|homepage|webseite|site web|sitio web|profile?|contact|kontakt|about(?: me)?|home|menu|login|search|subscribe|newsletter|advertisement|anzeige|publisher|publiziert(?:\s+am)?|veröffentlicht(?:\s+am)?|datum|date|autor|author|auteur|redaktion:?|teilen|email|e-mail|print|drucken|twitter|facebook|linkedin|instagram|(?:mon|tues|wednes|thurs|fri|satur|sun)day|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo)$/iu;

/** Job titles and roles that follow a name ("Gina Trapani, CEO", "Jane Doe Staff Writer"). */
const ROLE =
  /(?:,|\s|\||·|•)\s*(?:(?:senior|chief|deputy|managing|executive|contributing|associate|political|staff|guest|freelance|special|foreign|business|science|health|tech(?:nology)?|sports?|news|digital|social media|data)\s+)*(?:correspondent|reporter|writer|editor|columnist|contributor|journalist|producer|photographer|analyst|ceo|cto|cfo|founder|co-founder|president|director|manager|intern|redakteur(?:in)?|korrespondent(?:in)?|autor(?:in)?|journaliste|rédacteur|rédactrice|correspondant|corresponsal|redactor|periodista|giornalista|redattore)\b.*$/iu;

/** "Jane Doe, Senior Correspondent" -> "Jane Doe"; a role after a bare space only when a full name is left ("Jane Reporter" stays). */
function withoutRole(t: string): string {
  const m = ROLE.exec(t);
  if (!m) return t;
  const left = t.slice(0, m.index).trim();
  return /^[,|·•]/.test(m[0]) || left.split(/\s+/).length >= 2 ? left : t;
}

/** An account name, not a person's name: all lower case, or letters glued to digits ("vdk18"). */
export function isAccountName(name: string): boolean {
  const n = name.trim();
  if (!n) return true;
  if (/\s/.test(n)) return false;
  return /^[a-z0-9._-]+$/.test(n) || /\p{L}\d|\d\p{L}/u.test(n);
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  oacute: 'ó',
  aacute: 'á',
  eacute: 'é',
  iacute: 'í',
  uacute: 'ú',
  ntilde: 'ñ',
  auml: 'ä',
  ouml: 'ö',
  uuml: 'ü',
  szlig: 'ß',
  egrave: 'è',
  agrave: 'à',
  ccedil: 'ç',
};

/** Entities left in text that was escaped twice ("Redacci&oacute;n", "&#8211;"). */
export function decodeLeftoverEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp < 0x110000 ? String.fromCodePoint(cp) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

function squash(s: string): string {
  return decodeLeftoverEntities(s).replace(/\s+/g, ' ').trim();
}

/** Lower-cased letters and digits only, to compare a byline with outlet names. */
function key(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

export interface BylineOptions {
  /** Outlet / site names and the host: a byline that is only one of these is no author. */
  outlets?: (string | null | undefined)[];
  /** Reject names without a space that are all lower case or glued to digits (DOCX accounts). */
  rejectAccounts?: boolean;
  /** The page's own metadata credits its newsroom ("Redaktion"): a desk credit, kept as the author of last resort. */
  desk?: boolean;
}

const DESK = /^(?:redaktion|rédaction|redacción|redazione|redactie|newsroom|editorial team)$/iu;

/** What an outlet's name adds to its core ("online", "news", a top-level domain), as compared by key(). */
const OUTLET_TAIL =
  /^(?:online|news|nachrichten|aktuell|magazin|magazine|zeitung|zeitschrift|journal|blog|media|medien|digital|daily|today|times|post|portal|web|radio|tv|fm|verlag|group|gruppe|press|presse|de|com|net|org|info|at|ch|fr|es|it|nl|uk|eu|io|co|be)+$/u;

/** A picture's credit ("Fotos: Ivan Beispiel") or the site theme's ("ThemeGrill. Bereitgestellt von"): no author of the article. */
const NOT_A_BYLINE =
  /^(?:fotos?|photos?|photographs?|bilder?|images?|pictures?|photo credits?|bildnachweis|crédits? photo)\s*:|\b(?:bereitgestellt von|powered by|proudly powered|theme by|wordpress theme)\b/iu;

/** Picture agencies: a "name" that is one of them is a photo's credit. */
const STOCK_PHOTOS =
  /^(?:istock(?:photo)?|getty ?images|getty|shutterstock|adobe ?stock|fotolia|pixabay|unsplash|pexels|imago(?: images)?|picture[- ]alliance|dreamstime|123rf|depositphotos|alamy)(?:\.com)?$/iu;

/** Cuts one author's name out of the text around it; null when nothing name-like is left. */
function cleanOne(raw: string, outletKeys: string[], desk = false): string | null {
  let t = squash(raw);
  if (NOT_A_BYLINE.test(t)) return null;
  t = t.replace(INNER_LABEL, '').replace(GLUED_TAIL, '$1').replace(BY_GLUED, '');
  // "Text von Christian Seiler  Illustration von Markus Roost": the credit for pictures is not the author.
  t = t.replace(
    /\s+(?:Illustrations?|Fotos?|Photos?|Photographs?|Bilder?|Grafik(?:en)?|Images?|Pictures?|Videos?|Kamera|Camera)\s*(?::|von\s|by\s|de\s|par\s|di\s).*$/iu,
    '',
  );
  // "Posted on September 21, 2020 by Adi Tzlil", "Veröffentlicht am 3. Mai 2021 von …": the name after the label.
  t = t.replace(
    /^(?:posted|published|veröffentlicht|publiziert|publié|publicado|pubblicato)\s+(?:on|am|le|el|il)?\s*.{0,40}?\s(?=(?:by|von|par|por|da)\s)/iu,
    '',
  );
  // "11.12.2019 - Amelie Loevenich": a date before the name.
  const leadingDate = /^(.{6,30}?)\s+(?:[|/·•–—-]|--)\s+(?=\p{Lu})/u.exec(t);
  if (leadingDate && normaliseDate(leadingDate[1]) !== null) t = t.slice(leadingDate[0].length);
  t = t.replace(LINK_LABEL, '');
  for (let i = 0; i < 2; i++) t = t.replace(BY_PREFIX, '');
  t = t.replace(SOURCE_LABEL, '');
  // Separators after which only outlet, date, role or place follow: " / TNN / Updated ...", " · CBC News · Posted".
  t = t.split(/\s+(?:[|/·•]|--?|–|—)\s+|\s*[|·•]\s*/u)[0];
  t = t.replace(/\s*@\w+.*$/u, ''); // Twitter handles and what follows
  t = t.replace(/\s*(?:https?:\/\/|www\.)\S*.*$/iu, '');
  t = t.replace(/\s*\b(?:updated|posted|published|aktualisiert|veröffentlicht|am|le|el|il|on|publié|mis à jour)\b\s*:?\s*\d.*$/iu, '');
  // A date or time glued to or following the name: "Nicole Collignon22. Februar 2020", "Julia Horowitz November 29, 2016".
  t = t.replace(/\s*\([^)]*\)?\s*$/u, ''); // "(dpa)", "(www.dw.com)"
  const dated =
    /^(.*?\p{L})[\s,]*(?:\d{1,2}[./]\s*\d{1,2}[./]\s*\d{2,4}|\d{1,2}\.?\s+\p{L}+\.?\s+\d{4}|\p{L}+\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}).*$/u.exec(
      t,
    );
  if (dated && normaliseDate(t.slice(dated[1].length)) !== null) t = dated[1];
  else if (dated && /\d{1,2}:\d{2}/.test(t.slice(dated[1].length))) t = dated[1];
  t = withoutRole(t);
  t = t.replace(/(\p{Ll})(?:CEO|CTO|CFO|COO|Editor|Reporter|Writer)\b.*$/u, '$1'); // "Gina TrapaniCEO"
  t = t.replace(READING_TIME, '');
  // "P. Beispiel prije 26 minuta", "Jane Doe 3 hours ago", "vor 2 Stunden": when it was posted, not who.
  t = t.replace(/\s+(?:prije|pre|vor|il y a|hace|há)\s+\d+\s+\p{L}+.*$|\s+\d+\s+(?:min(?:ute)?s?|hours?|hrs?|days?)\s+ago.*$/iu, '');
  // "Jean Dupont, envoyé spécial à Kyiv", "Jane Doe, senior writer at …": what follows a full name after a
  // comma in lower case describes the person (names are capitalised; particles like "van" or "de" excepted).
  const described = /^(\p{Lu}[^,]*\s[^,]+),\s+(?!(?:von|van|de|der|den|di|da|du|la|le|del|della|bin|al|el|ter|ten)\s)\p{Ll}/u.exec(t);
  if (described) t = described[1];
  t = t.replace(/^[\s,;:.–—-]+|[\s,;:–—-]+$/gu, '');
  t = t.replace(/\s*\((?:[^)]*)\)\s*$/u, ''); // "(dpa)", "(Text)"
  // "Von R. R. am <a>7. August</a>": the word that introduced the date, left behind without it.
  t = t.replace(/\s+(?:am|um|on|at|le|il|el)$/u, '');
  if (!t || t.length > 80 || !/\p{L}/u.test(t)) return null;
  // A user account's slug, not a name a byline prints: "sarah-indra", "christian.stadtfeld".
  if (/^[a-z0-9]+(?:[._-][a-z0-9]+)+$/u.test(t)) return null;
  // The site describing itself: "example.de, Frankfurt, Germany".
  if (/^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}\s*,/iu.test(t)) return null;
  if (BOILERPLATE.test(t) && !(desk && DESK.test(t))) return null;
  if (STOCK_PHOTOS.test(t)) return null; // a picture agency's credit
  if (/\d{4}/.test(t) && normaliseDate(t)) return null; // a date, not a name
  if (/^\d{1,2}[:.]\d{2}(?:\s*(?:uhr|h|am|pm))?$/iu.test(t)) return null; // a time ("10:19 Uhr")
  if (/^https?:|^www\.|\.(?:com|org|net|de|fr|uk)$/i.test(t) && outletKeys.length) return null;
  const k = key(t);
  // The outlet, or its name without a generic tail ("Beispiel" for "Beispiel Online", "beispiel.de"); a person's
  // name that opens the host of their own blog ("Heiko" on heiko-beispiel.de) stays.
  if (outletKeys.some((o) => o && (o === k || (k.length > 3 && o.startsWith(k) && OUTLET_TAIL.test(o.slice(k.length)))))) return null;
  if (t.split(/\s+/).length > 6) return null; // a sentence, not a name
  if (/[.!?]$/.test(t) && !/\b\p{Lu}\.$/u.test(t)) return null;
  return shouted(t) ? capitalised(t) : t;
}

/** "3 min read", "Lesezeit: 4 Min.", "5 minutes de lecture" after a name: the page's reading time. */
const READING_TIME =
  /[\s,·|•]*(?:\d+\s*(?:min(?:ute)?s?|Min)\.?\s*(?:read|Lesezeit|de lecture|di lettura|de lectura|leestijd)|(?:Lesezeit|Reading time|Temps de lecture|Tiempo de lectura|Tempo di lettura|Leestijd)\s*:?\s*\d+).*$/iu;

/** A person's name set in capitals by the page's style ("JANE DOE", "JEAN-PIERRE DURAND"), not initials or an acronym. */
function shouted(t: string): boolean {
  const words = t.split(/\s+/);
  return (
    words.length >= 2 &&
    words.length <= 4 &&
    words.every((w) => /^(?=\S{2})\p{Lu}+(?:[-'’]\p{Lu}+)*$/u.test(w) || /^\p{Lu}\.$/u.test(w)) &&
    words.filter((w) => w.length >= 3).length >= 2 &&
    !isOrganisation(t)
  );
}

/** "JEAN-PIERRE O'NEIL" -> "Jean-Pierre O'Neil". */
function capitalised(t: string): string {
  return t.toLowerCase().replace(/(^|[\s'’-])(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

const CONJUNCTION = /^(?:and|und|et|y|e|en|og|och|i|и|a|&)$/u;
const PARTICLE = /^(?:von|van|der|den|de|del|della|di|da|du|la|le|bin|al|el|zu|ter|ten|dos|das|d'|l')$/u;

/** Every word is a capitalised name, a name particle or a conjunction between names. */
function namesOnly(chunk: string): boolean {
  // Up to what follows a separator ("… and Kiran Nair - Chrome Safe Browsing team"), which cleanOne cuts off.
  return chunk
    .split(/\s+(?:[|/·•]|--?|–|—)\s+|\s*[|·•]\s*/u)[0]
    .trim()
    .split(/\s+/)
    .every((w) => !/^\p{Ll}/u.test(w) || CONJUNCTION.test(w) || PARTICLE.test(w));
}

/** Author names in a byline, in order, without duplicates. */
export function bylineNames(byline: string | null | undefined, opts: BylineOptions = {}): string[] {
  if (!byline) return [];
  const text = squash(byline);
  if (!text || text.length > 400 || /^https?:\/\//i.test(text)) return [];
  if (
    normaliseDate(text) &&
    text.length < 40 &&
    !/\p{Lu}\p{L}+\s+\p{Lu}\p{L}+/u.test(
      text
        .replace(/^.*?\b(?:by|von|par|por)\s+(?=\p{Lu})/iu, '')
        .replace(/^[\d\s./:,–—-]+/u, '')
        .replace(/\d.*$/, ''),
    )
  )
    return [];
  const outletKeys = (opts.outlets ?? []).filter((o): o is string => !!o).map(key);
  // An editor is not the author: "Written by A, edited by B" keeps A; "Revised Edition Edited by B" names no author.
  const edited = /[,;|]?\s*\b(?:edited|herausgegeben|hrsg\.)(?=\s|$)/iu.exec(text);
  if (edited && !/\b(?:by|von|par|por|written|text)\b/iu.test(text.slice(0, edited.index))) return [];
  const stripped = (edited ? text.slice(0, edited.index) : text)
    // The separator the page sets before its byline (", par Attac France", "| By Jane Doe", "· Von Anna Müller").
    .replace(/^[\s|·•,;:/–—-]+/u, '')
    .replace(INNER_LABEL, '')
    .replace(GLUED_TAIL, '$1')
    .replace(BY_GLUED, '')
    .replace(BY_PREFIX, '');
  const unroled = withoutRole(stripped);
  // "A, B and C" / "A und B" / "A et B" / "A y B" / "A; B" -> several names.
  const parts = unroled
    // "Jane Doe, Reuters": the wire agency credited beside the name is an author of its own.
    .replace(/,\s*([^,;]{2,40})$/u, (m, tail: string) => (agencyNamed(tail) ? `; ${tail}` : m))
    .split(
      /\s+(?:im Gespräch mit|im Interview mit|in conversation with|in an interview with|interviewed by)\s+|\s*;\s*|,\s*(?=\p{Lu}\p{Ll}+\s+\p{Lu})/u,
    )
    // "A and B", "A und B", "A & B": two names — but "Bundesministerium für Wirtschaft und Klimaschutz" is one
    // organisation's name (a word in lower case that is no name particle), kept whole.
    .flatMap((chunk) => (namesOnly(chunk) ? chunk.split(/\s+(?:and|und|et|y|e|en|og|och|i|и|a)\s+|\s*&\s*/u) : [chunk]));
  const names: string[] = [];
  for (const p of parts) {
    const n = cleanOne(p, outletKeys, opts.desk);
    if (!n) continue;
    if (opts.rejectAccounts && isAccountName(n)) continue;
    if (!names.some((x) => key(x) === key(n))) names.push(n);
  }
  return names;
}

/** The byline as the archive stores it: several authors joined with "; "; null when none. */
export function cleanByline(byline: string | null | undefined, opts: BylineOptions = {}): string | null {
  const names = bylineNames(byline, opts);
  return names.length ? names.join('; ') : null;
}

/** A byline naming an organisation (or an outlet's initials) rather than a person. */
export function isOrganisation(name: string): boolean {
  return (
    /\b(?:GmbH|e\.\s?V\.?|AG|Ltd|Inc|LLC|S\.A\.|Verlag|Stiftung|Verband|Verein|Landesanstalt|Institut|Ministerium|Universit(?:ät|y)|Online|Magazin(?:e)?|Zeitung|News|Media|Redaktion|Editorial|Team|Staff|Agencies)\b/iu.test(
      name,
    ) || /^\p{Lu}{2,5}$/u.test(name.trim())
  );
}
