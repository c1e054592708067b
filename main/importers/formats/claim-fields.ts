// Claim lists: which column (CSV/TSV header or JSON key) feeds which claim field, and how a
// fact-checker's rating text becomes a verdict on one of Claimdesk's scales.
//
// Accepted headers (case, spaces, "_" and "-" ignored):
//   statement  <- claim, statement, text, claim text, claimreviewed, sentence   (required)
//   claimant   <- claimant, speaker, author, said by, who, source
//   claimDate  <- date, claim date, date published, published
//   verdict    <- verdict, rating, label, ruling, truth, textual rating
//   verdictNote<- verdict note, explanation, rationale
//   quote      <- quote, excerpt, original
//   url        <- url, link, source url, review url     (kept in notes: claims have no url field)
//   tags       <- tags, tag, topic, topics              (split on ";" "," or "|")
//   notes      <- notes, note, comment, comments
//   status     <- status (new, in_progress, needs_review, done)
//   score      <- score, checkworthiness                 (0..1)
//   resolveBy  <- resolve by, deadline
// Unknown columns are ignored.
import { NewClaim } from '../../../shared/domain';
import { WORKFLOW_STATUSES, VERDICT_SCALES } from '../../../shared/verdicts';
import { AppError } from '../../../shared/errors';
import { normaliseDate } from '../meta/dates';
import type { ParsedClaim } from '../types';

export type ClaimField =
  | 'statement'
  | 'claimant'
  | 'claimDate'
  | 'verdict'
  | 'verdictNote'
  | 'quote'
  | 'url'
  | 'tags'
  | 'notes'
  | 'status'
  | 'score'
  | 'resolveBy';

const ALIASES: Record<ClaimField, string[]> = {
  statement: ['claim', 'statement', 'text', 'claimtext', 'claimreviewed', 'sentence'],
  claimant: ['claimant', 'speaker', 'author', 'saidby', 'who', 'source'],
  claimDate: ['date', 'claimdate', 'datepublished', 'published'],
  verdict: ['verdict', 'rating', 'label', 'ruling', 'truth', 'textualrating'],
  verdictNote: ['verdictnote', 'explanation', 'rationale'],
  quote: ['quote', 'excerpt', 'original'],
  url: ['url', 'link', 'sourceurl', 'reviewurl'],
  tags: ['tags', 'tag', 'topic', 'topics'],
  notes: ['notes', 'note', 'comment', 'comments'],
  status: ['status'],
  score: ['score', 'checkworthiness'],
  resolveBy: ['resolveby', 'deadline'],
};

export const normaliseHeader = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Column index for each field this header row provides. */
export function mapHeaders(headers: string[]): Partial<Record<ClaimField, number>> {
  const map: Partial<Record<ClaimField, number>> = {};
  headers.forEach((h, i) => {
    const key = normaliseHeader(h);
    for (const [field, aliases] of Object.entries(ALIASES) as [ClaimField, string[]][]) {
      if (aliases.includes(key) && map[field] === undefined) map[field] = i;
    }
  });
  return map;
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .trim()
    .replace(/[\s_]+/g, '-')
    .replace(/[^a-z0-9-]/g, '');

/** "Mostly False" / "pants on fire" / "SUPPORTS" -> a scale and verdict key; null when unknown. */
export function mapVerdict(label: string | null | undefined): { scale: (typeof VERDICT_SCALES)[number]['key']; verdict: string } | null {
  if (!label?.trim()) return null;
  const s = slug(label);
  const wanted = s === 'supports' ? 'supported' : s === 'refutes' ? 'refuted' : s;
  for (const scale of VERDICT_SCALES) {
    const hit = scale.verdicts.find((v) => v.key === wanted || slug(v.label) === wanted);
    if (hit) return { scale: scale.key, verdict: hit.key };
  }
  return null;
}

/** A 1..5-style numeric rating (with its own best/worst) on the default scale. */
export function verdictFromRating(value: number, worst = 1, best = 5): string | null {
  if (!Number.isFinite(value) || best === worst) return null;
  const five = 1 + ((value - worst) / (best - worst)) * 4;
  return ['false', 'mostly-false', 'mixed', 'mostly-true', 'true'][Math.min(4, Math.max(0, Math.round(five) - 1))];
}

type RawRecord = Partial<Record<ClaimField, string>>;

/** One row/record -> a validated claim; throws a message naming the row and the field. */
export function toClaim(rec: RawRecord, where: string): ParsedClaim | null {
  const statement = rec.statement?.trim();
  if (!statement) return null;
  const verdict = mapVerdict(rec.verdict);
  const unknownRating = rec.verdict?.trim() && !verdict ? `Original rating: ${rec.verdict.trim()}` : null;
  const date = rec.claimDate?.trim();
  const claimDate = date ? normaliseDate(date) : null;
  if (date && !claimDate) throw new AppError('PARSE_FAILED', `${where}: "${date}" is not a date`);
  const status = rec.status
    ?.trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  const score = rec.score?.trim() ? Number(rec.score) : null;
  const claim = {
    statement,
    quote: rec.quote?.trim() || '',
    claimant: rec.claimant?.trim() || null,
    claimDate,
    resolveBy: normaliseDate(rec.resolveBy),
    status: status && (WORKFLOW_STATUSES as readonly string[]).includes(status) ? status : undefined,
    verdictScale: verdict?.scale,
    verdict: verdict?.verdict ?? null,
    verdictNote: [rec.verdictNote?.trim(), unknownRating].filter(Boolean).join('\n') || null,
    score,
    tags: [
      ...new Set(
        (rec.tags ?? '')
          .split(/[;,|]/)
          .map((t) => t.trim())
          .filter(Boolean),
      ),
    ],
    notes: [rec.notes?.trim(), rec.url?.trim() ? `Source: ${rec.url.trim()}` : ''].filter(Boolean).join('\n'),
  };
  const parsed = NewClaim.safeParse(claim);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('PARSE_FAILED', `${where}: ${issue.path.join('.') || 'claim'} ${issue.message}`);
  }
  return claim as ParsedClaim;
}
