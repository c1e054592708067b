// Proposal trust evaluation (npm run eval:faithful; not part of npm test). Every article in
// ../shared/data (readability en + non-english, metadata pages, the text/PDF/DOCX/HTML files) goes
// through the app's own importer and claim extraction. It prints:
//   - the share of proposed statements that are not faithful to their quote (main/extraction/faithful.ts);
//   - the share of proposals that are not claims: page furniture and captions/credits. This detector is
//     deliberately independent of the app's filters: its own list of furniture patterns below, plus the
//     captions and credits the page's HTML marks up (<figcaption>, <figure>, elements whose class or id
//     says caption/credit/byline/newsletter/related…), read here straight from the HTML.
// Usage: npx tsx bench/eval-faithful.ts [DATA_DIR] [--examples N] [--only PATH_PART]. Data is read in place,
// never copied.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { parseBytes, isSupported } from '../main/importers/parse';
import { extractClaims, type ProposedClaim } from '../main/extraction/index';
import { faithfulness } from '../main/extraction/faithful';

const args = process.argv.slice(2);
const exampleCount = Number(args[args.indexOf('--examples') + 1]) || (args.includes('--examples') ? 20 : 8);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : '';
const root = resolve(args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? '../shared/data');
const SOURCES = ['readability/en', 'readability/non-english', 'metadata', 'files'];
const ARTICLE_TYPES = /\.(html?|xhtml|txt|md|pdf|docx)$/i;
/** Readability's own expected output is not a page. */
const NOT_A_PAGE = /[\\/]expected\.html$/;

// Furniture a reader would never call a claim (independent of main/importers and main/extraction).
const FURNITURE = [
  /^(?:photo|photos|video|image|graphic|illustration|advertisement|contributed|getty images|file photo|listen|share|comments?)\W*$/i,
  /\b(?:continue reading|read more|read the full|click here|follow us on|all rights reserved)\b|\b(?:sign up|subscribe|suscribirse|abonnieren)\b.{0,60}\bnewsletter\b/i,
  /^(?:[A-Z][\w.'-]+\s+){1,3}reported from\b|\b(?:contributed reporting|additional reporting|editing by|writing by|reporting by)\b/i,
  /(?:\b(?:photo|photograph|picture|image|video|illustration)\s*(?:by|credit|:)|©|\((?:AP|AFP|Reuters|Getty|EPA)(?: Photo)?(?:\/[^)]*)?\))\W*$/i,
  /\/\s*(?:AP|AFP|Reuters|Getty Images|EPA|Bloomberg)\W*$/i,
  /^by\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}\W*$/,
];
const MARKED =
  'figcaption, figure, [class*="caption" i], [class*="credit" i], [class*="byline" i], [id*="caption" i], [class*="newsletter" i], [class*="related" i], [class*="promo" i]';

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? walk(p) : [p];
    });
}

/**
 * Short texts the page itself marks as captions, credits, bylines or promo blocks, and the rest of the
 * page's text (a story's lead repeated in a "related" teaser is still the story's).
 */
function markedFurniture(html: string): { marked: string[]; rest: string } {
  try {
    const { document } = parseHTML(html);
    const elements = [...document.querySelectorAll(MARKED)];
    const marked = elements.map((el) => norm(el.textContent ?? '')).filter((t) => t.length >= 12 && t.length <= 400);
    for (const el of elements) el.remove();
    return { marked, rest: norm(document.body?.textContent ?? '') };
  } catch {
    return { marked: [], rest: '' };
  }
}

function isNotClaim(c: ProposedClaim, { marked, rest }: { marked: string[]; rest: string }): string | null {
  const pattern = FURNITURE.find((re) => re.test(c.quote.trim()));
  if (pattern) return `furniture ${pattern.source.slice(0, 30)}`;
  const q = norm(c.quote);
  return q.length >= 12 && marked.some((m) => m.includes(q)) && !rest.includes(q) ? 'marked caption/credit' : null;
}

interface Tally {
  files: number;
  articles: number;
  failed: number;
  proposals: number;
  unfaithful: number;
  notClaims: number;
  maxPerArticle: number;
}

async function main(): Promise<void> {
  const files = SOURCES.flatMap((s) => walk(join(root, s))).filter(
    (p) => ARTICLE_TYPES.test(p) && !NOT_A_PAGE.test(p) && isSupported(p) && p.includes(only),
  );
  const t: Tally = { files: files.length, articles: 0, failed: 0, proposals: 0, unfaithful: 0, notClaims: 0, maxPerArticle: 0 };
  const unfaithful: string[] = [];
  const notClaims: string[] = [];
  for (const path of files) {
    const bytes = readFileSync(path);
    let parsed;
    try {
      parsed = await parseBytes(path, bytes);
    } catch {
      t.failed++;
      continue;
    }
    if (parsed.kind !== 'article') continue;
    t.articles++;
    const a = parsed.article;
    const published = a.published && /^\d{4}-\d{2}-\d{2}/.test(a.published) ? a.published.slice(0, 10) : null;
    const { claims } = extractClaims({ text: a.text, published, language: a.language, wireAgency: a.wireAgency, outlet: a.outlet });
    const marked = /\.x?html?$/i.test(path) ? markedFurniture(bytes.toString('latin1')) : { marked: [], rest: '' };
    t.proposals += claims.length;
    t.maxPerArticle = Math.max(t.maxPerArticle, claims.length);
    const where = relative(root, path);
    for (const c of claims) {
      const f = faithfulness(c.quote, c.statement);
      if (!f.faithful) {
        t.unfaithful++;
        unfaithful.push(`${where}\n    quote:     ${c.quote}\n    statement: ${c.statement}\n    problem:   ${f.problems.join('; ')}`);
      }
      const why = isNotClaim(c, marked);
      if (why) {
        t.notClaims++;
        notClaims.push(`${where} (${why}, score ${c.score.toFixed(2)}): ${c.quote.slice(0, 160)}`);
      }
    }
  }
  const share = (n: number) => (t.proposals ? Math.round((10000 * n) / t.proposals) / 100 : 0);
  console.log(`Unfaithful statements (${unfaithful.length}), first ${exampleCount}:`);
  for (const e of unfaithful.slice(0, exampleCount)) console.log(`  ${e}`);
  console.log(`Not-claims proposed (${notClaims.length}), first ${exampleCount}:`);
  for (const e of notClaims.slice(0, exampleCount)) console.log(`  ${e}`);
  console.log(JSON.stringify({ ...t, unfaithfulPercent: share(t.unfaithful), notClaimPercent: share(t.notClaims) }));
}

void main();
