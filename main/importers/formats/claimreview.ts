// schema.org ClaimReview JSON-LD (what fact-checkers publish and Google's Fact Check tools read):
// a single object, an array, an @graph, or Claims carrying their reviews. A plain JSON array of
// records with claim-list keys (claim, claimant, date, verdict...) is read like a CSV too.
import type { ParsedClaim } from '../types';
import { AppError } from '../../../shared/errors';
import { nameOf } from './html-meta';
import { mapHeaders, mapVerdict, toClaim, verdictFromRating, type ClaimField } from './claim-fields';

type Json = Record<string, unknown>;
const MAX_DEPTH = 8;

function isType(obj: Json, type: string): boolean {
  const t = obj['@type'];
  return Array.isArray(t) ? t.includes(type) : t === type;
}

/** Every object in the document, depth-first, so reviews nested in Claims or @graph are found. */
function collect(value: unknown, out: Json[], depth = 0): void {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) return value.forEach((v) => collect(v, out, depth + 1));
  out.push(value as Json);
  for (const v of Object.values(value as Json)) if (typeof v === 'object') collect(v, out, depth + 1);
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
const obj = (v: unknown): Json => (Array.isArray(v) ? obj(v[0]) : v && typeof v === 'object' ? (v as Json) : {});

function verdictOf(rating: Json): { label?: string; note?: string } {
  const name = text(rating.alternateName) ?? text(rating.name);
  if (mapVerdict(name)) return { label: name };
  const value = Number(rating.ratingValue);
  const fromNumber = verdictFromRating(value, Number(rating.worstRating ?? 1), Number(rating.bestRating ?? 5));
  return { label: fromNumber ?? name, note: name && fromNumber ? `Original rating: ${name}` : undefined };
}

function fromClaimReview(review: Json, index: number): ParsedClaim | null {
  const item = obj(review.itemReviewed);
  const reviewer = nameOf(review.author);
  const { label, note } = verdictOf(obj(review.reviewRating));
  const appearance = text(obj(item.firstAppearance).url) ?? text(obj(item.appearance).url);
  return toClaim(
    {
      statement: text(review.claimReviewed) ?? text(item.name),
      claimant: nameOf(item.author) ?? undefined,
      claimDate: text(item.datePublished) ?? text(item.dateCreated),
      verdict: label,
      verdictNote: [note, reviewer ? `Reviewed by ${reviewer}${text(review.datePublished) ? ` on ${text(review.datePublished)}` : ''}` : '']
        .filter(Boolean)
        .join('\n'),
      url: text(review.url) ?? appearance,
      tags: Array.isArray(review.keywords) ? review.keywords.join(';') : text(review.keywords),
    },
    `ClaimReview #${index + 1}`,
  );
}

function fromPlainRecords(records: Json[]): ParsedClaim[] {
  return records.flatMap((r, i) => {
    const keys = Object.keys(r);
    const cols = mapHeaders(keys);
    const rec: Partial<Record<ClaimField, string>> = {};
    for (const [field, col] of Object.entries(cols) as [ClaimField, number][]) {
      const v = r[keys[col]];
      rec[field] = Array.isArray(v) ? v.join(';') : (text(v) ?? nameOf(v) ?? undefined);
    }
    return toClaim(rec, `JSON record ${i + 1}`) ?? [];
  });
}

export function parseClaimJson(source: string): ParsedClaim[] {
  let doc: unknown;
  try {
    doc = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new AppError('PARSE_FAILED', `JSON is not valid: ${err instanceof Error ? err.message : String(err)}`);
  }
  const all: Json[] = [];
  collect(doc, all);
  const reviews = all.filter((o) => isType(o, 'ClaimReview'));
  const claims =
    reviews.length > 0
      ? reviews.flatMap((r, i) => fromClaimReview(r, i) ?? [])
      : Array.isArray(doc)
        ? fromPlainRecords(doc.filter((d): d is Json => !!d && typeof d === 'object'))
        : [];
  if (claims.length === 0)
    throw new AppError('PARSE_FAILED', 'JSON has no schema.org ClaimReview objects (or claim records with a "claim" field)');
  return claims;
}
