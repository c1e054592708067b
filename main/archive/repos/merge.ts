// Merging an archive's records (a colleague's `.claimdesk` file) into an archive that already holds
// work. Nothing is duplicated: an article from the same file (same SHA-256; without a file, the same
// title and text), an entity with the same name or alias and type, and a claim on the same article
// with the same span and statement are the ones already here. Everything else goes in with fresh
// ids and every reference remapped. History keeps its original actors and times: it is the record
// of who decided what. A claim already here keeps its own record (verdict, history, evidence). An
// article already here gains the file's tags and note (mergeNotesAndTags), logged so undo restores them.
// Runs inside one transaction: a record the archive refuses undoes the whole merge.
import { AppError } from '../../../shared/errors';
import { MAX_CLAIM_NOTES_CHARS, MAX_TAGS_PER_CLAIM } from '../../../shared/limits';
import type { ArchiveImportResult, ArchiveMergeUndoResult, ArchiveRecordCounts, HistoryEntry } from '../../../shared/domain';
import type { RepoBase, RepoContext, WriteMode, Written } from './context';
import { createArticleRepo } from './articles';
import { addAliasSync, findByName, normaliseName, upsertEntitySync } from './entities';
import { MergeLog, noRecords, saveMergeLog } from './merge-log';
import { undoMergeSync } from './merge-undo';
import { insertHighlightRow } from './highlights';
import {
  each,
  insertArticleRow,
  insertClaimRow,
  insertCollectionRow,
  insertEvidenceRow,
  insertHistoryRow,
  insertLinkRow,
  insertSavedSearchRow,
  originalsFirst,
  type ArchiveRecords,
} from './restore';

type Kind = keyof ArchiveRecordCounts;
type IdMap = Map<number, number>;

export { noRecords };

/** One merge in progress: the file's ids mapped to this archive's, and the counts. */
class Merge {
  readonly added = noRecords();
  readonly present = noRecords();
  readonly articles: IdMap = new Map();
  readonly entities: IdMap = new Map();
  readonly claims: IdMap = new Map();
  readonly links: IdMap = new Map();
  readonly evidence: IdMap = new Map();
  readonly collections: IdMap = new Map();
  /** File ids of the claims this merge inserts (their links, evidence and history come along). */
  readonly newClaims = new Set<number>();
  /** File article id -> [its text in the file, the text here] for matched articles whose text differs. */
  readonly retexts = new Map<number, [string, string]>();
  /** Articles this merge inserted, and those already here whose notes or tags it changed (logged once). */
  readonly insertedArticles = new Set<number>();
  readonly notesChanged = new Set<number>();
  /** Every row this merge inserts, for undo. */
  readonly log = new MergeLog();
  private sourceless: Map<string, number[]> | null = null;
  readonly articleRepo: ReturnType<typeof createArticleRepo<WriteMode>>;

  constructor(
    readonly ctx: RepoContext<WriteMode>,
    readonly source: string | null,
  ) {
    this.articleRepo = createArticleRepo(ctx);
  }

  count(kind: Kind, added: boolean): void {
    (added ? this.added : this.present)[kind]++;
  }

  /** This archive's id for a record the file refers to; a reference to nothing is bad input. */
  ref(map: IdMap, id: number, what: string): number {
    const here = map.get(id);
    if (here === undefined) throw new AppError('INVALID_ARGUMENT', `it refers to ${what} ${id}, which is not in the file`);
    return here;
  }

  /** Live articles without a source file, by title (read once per merge, only when needed). */
  sourcelessByTitle(): Map<string, number[]> {
    if (this.sourceless) return this.sourceless;
    this.sourceless = new Map();
    const rows = this.ctx.sql.all<{ id: number; title: string }>(
      'SELECT id, title FROM article WHERE deleted_at IS NULL AND source_sha256 IS NULL ORDER BY id',
    );
    for (const r of rows) this.sourceless.set(r.title, [...(this.sourceless.get(r.title) ?? []), r.id]);
    return this.sourceless;
  }
}

/** The live article here that is the same as the file's: same file, or (without one) same title and text. */
function findArticle(m: Merge, a: ArchiveRecords['articles'][number]): { id: number; text: string } | null {
  if (a.source) return m.articleRepo.findBySha256(a.source.sha256);
  for (const id of m.sourcelessByTitle().get(a.title) ?? []) {
    const text = m.ctx.sql.get<{ text: string }>('SELECT text FROM article WHERE id = ?', [id])?.text;
    if (text === a.text) return { id, text };
  }
  return null;
}

function mergeArticles(m: Merge, articles: ArchiveRecords['articles']): void {
  each(
    'article',
    originalsFirst(articles),
    (a) => {
      const here = findArticle(m, a);
      if (here) {
        m.articles.set(a.id, here.id);
        // The same file read by another version of the importer can give other text: spans are found again.
        if (here.text !== a.text) m.retexts.set(a.id, [a.text, here.text]);
        mergeNotesAndTags(m, here.id, a);
      } else {
        const duplicateOf = a.duplicateOf === null ? null : m.ref(m.articles, a.duplicateOf, 'article');
        m.articles.set(a.id, insertArticleRow(m.ctx, { ...a, duplicateOf }, null));
        m.log.add('article', m.articles.get(a.id)!);
        m.insertedArticles.add(m.articles.get(a.id)!);
      }
      m.count('articles', !here);
    },
    'merge',
  );
}

/** `incoming` stands in `local` as a block of its own (whole lines), as an earlier merge appended it. */
function holds(local: string, incoming: string): boolean {
  for (let at = local.indexOf(incoming); at >= 0; at = local.indexOf(incoming, at + 1)) {
    const end = at + incoming.length;
    if ((at === 0 || local[at - 1] === '\n') && (end === local.length || local[end] === '\n')) return true;
  }
  return false;
}

/**
 * The note and tags of an article that is here already, merged with the file's: tags are the union
 * (any case; the local spelling kept, at most MAX_TAGS_PER_CLAIM); the local note stays, and the
 * file's, when it says something the local one does not hold yet, is appended under a line naming
 * the file and the day (an empty local note simply takes it). Merging the same file again changes
 * nothing. What the article had before is logged for the merge's undo.
 */
function mergeNotesAndTags(m: Merge, id: number, a: ArchiveRecords['articles'][number]): void {
  const row = m.ctx.sql.get<{ notes: string; tags: string }>('SELECT notes, tags FROM article WHERE id = ?', [id])!;
  const localTags = JSON.parse(row.tags) as string[];
  const tags = [...localTags];
  const seen = new Set(tags.map((t) => t.toLowerCase()));
  for (const raw of a.tags ?? []) {
    const tag = raw.trim();
    if (tag === '' || seen.has(tag.toLowerCase()) || tags.length >= MAX_TAGS_PER_CLAIM) continue;
    seen.add(tag.toLowerCase());
    tags.push(tag);
  }
  const incoming = (a.notes ?? '').trim();
  let notes = row.notes;
  if (incoming !== '' && !holds(notes, incoming)) {
    if (notes.trim() === '') notes = incoming;
    else {
      const heading = `\n\n— From ${m.source ?? 'a merged file'}, ${m.ctx.now().slice(0, 10)}:\n`;
      notes = `${notes.trimEnd()}${heading}${incoming}`.slice(0, MAX_CLAIM_NOTES_CHARS);
    }
  }
  if (notes === row.notes && tags.length === localTags.length) return;
  if (!m.insertedArticles.has(id) && !m.notesChanged.has(id)) {
    m.notesChanged.add(id);
    m.log.add('article', id, 0, JSON.stringify({ notes: row.notes, tags: localTags }));
  }
  m.ctx.sql.run('UPDATE article SET notes = ?, tags = ? WHERE id = ?', [notes, JSON.stringify(tags), id]);
}

interface Span {
  articleId: number | null;
  quote: string;
  start: number | null;
  end: number | null;
}

/**
 * A span into a file article, in this archive's ids. When the article here has other text, the
 * quote is looked up in it (the occurrence nearest the old offsets); not found, it keeps its words
 * without offsets rather than pointing at the wrong place.
 */
function remapSpan<S extends Span>(m: Merge, span: S): S {
  if (span.articleId === null) return span;
  const articleId = m.ref(m.articles, span.articleId, 'article');
  const texts = m.retexts.get(span.articleId);
  if (!texts || span.start === null || span.end === null) return { ...span, articleId };
  const quote = span.quote || texts[0].slice(span.start, span.end);
  let best = -1;
  for (let at = quote ? texts[1].indexOf(quote) : -1; at >= 0; at = texts[1].indexOf(quote, at + 1)) {
    if (best < 0 || Math.abs(at - span.start) < Math.abs(best - span.start)) best = at;
  }
  return best < 0
    ? { ...span, articleId, quote, start: null, end: null }
    : { ...span, articleId, quote, start: best, end: best + quote.length };
}

function mergeEntities(m: Merge, entities: ArchiveRecords['entities']): void {
  each(
    'entity',
    entities,
    (e) => {
      const names = [e.name, ...e.aliases];
      let found: number | null = null;
      for (const name of names) if ((found = findByName(m.ctx, name, e.type)) !== null) break;
      const id = found ?? upsertEntitySync(m.ctx, e.name, e.type);
      if (found === null) m.log.add('entity', id).add('name', id, 0, normaliseName(e.name));
      // Aliases merge; a name that already names another entity here stays with that one.
      for (const name of names) {
        if (findByName(m.ctx, name, e.type) !== null) continue;
        addAliasSync(m.ctx, id, name);
        m.log.add('name', id, 0, normaliseName(name));
      }
      m.entities.set(e.id, id);
      m.count('entities', found === null);
    },
    'merge',
  );
}

function findClaim(ctx: RepoBase, c: Span & { statement: string }): number | null {
  const row = ctx.sql.get<{ id: number }>(
    `SELECT id FROM claim WHERE deleted_at IS NULL AND article_id IS ? AND start_offset IS ? AND end_offset IS ? AND quote = ? AND statement = ?
     ORDER BY id LIMIT 1`,
    [c.articleId, c.start, c.end, c.quote, c.statement],
  );
  return row?.id ?? null;
}

function mergeClaims(m: Merge, claims: ArchiveRecords['claims']): void {
  each(
    'claim',
    claims,
    (c) => {
      const claim = {
        ...remapSpan(m, c),
        entities: c.entities.map((e) => ({ entityId: m.ref(m.entities, e.entityId, 'entity'), role: e.role })),
      };
      const here = findClaim(m.ctx, claim);
      m.claims.set(c.id, here ?? insertClaimRow(m.ctx, claim, null));
      if (here === null) {
        m.newClaims.add(c.id);
        m.log.add('claim', m.claims.get(c.id)!);
      }
      m.count('claims', here === null);
    },
    'merge',
  );
}

function mergeLinksAndEvidence(m: Merge, records: ArchiveRecords): void {
  each(
    'link',
    records.links,
    (l) => {
      // A link between two claims already here would change them behind their history's back.
      const comes = m.newClaims.has(l.fromClaimId) || m.newClaims.has(l.toClaimId);
      if (comes) {
        const link = { ...l, fromClaimId: m.ref(m.claims, l.fromClaimId, 'claim'), toClaimId: m.ref(m.claims, l.toClaimId, 'claim') };
        m.links.set(l.id, insertLinkRow(m.ctx, link, null));
        m.log.add('link', m.links.get(l.id)!);
      }
      m.count('links', comes);
    },
    'merge',
  );
  each(
    'evidence item',
    records.evidence,
    (e) => {
      const comes = m.newClaims.has(e.claimId);
      if (comes) {
        m.evidence.set(e.id, insertEvidenceRow(m.ctx, { ...remapSpan(m, e), claimId: m.ref(m.claims, e.claimId, 'claim') }, null));
        m.log.add('evidence', m.evidence.get(e.id)!);
      }
      m.count('evidence', comes);
    },
    'merge',
  );
}

/** Ids inside history values (a link, an evidence item, an entity), by field. */
const HISTORY_REFS: Record<string, Record<string, 'links' | 'claims' | 'evidence' | 'articles' | 'entities'>> = {
  link: { id: 'links', fromClaimId: 'claims', toClaimId: 'claims' },
  evidence: { id: 'evidence', claimId: 'claims', articleId: 'articles' },
  entity: { entityId: 'entities' },
};

/** A history value in this archive's ids; an id of a record not merged (removed since) becomes null. */
function remapValue(m: Merge, field: string, value: unknown): unknown {
  const refs = HISTORY_REFS[field];
  if (!refs || !value || typeof value !== 'object' || Array.isArray(value)) return value;
  const out: Record<string, unknown> = { ...value };
  for (const [key, map] of Object.entries(refs)) if (typeof out[key] === 'number') out[key] = m[map].get(out[key]) ?? null;
  return out;
}

/** New claims bring their whole history; a claim already here gains only the rows of links added to it. */
function historyComes(m: Merge, h: HistoryEntry): boolean {
  if (h.claimId === null) return false;
  if (m.newClaims.has(h.claimId)) return true;
  const link = (h.to ?? h.from) as { id?: unknown } | null;
  return h.field === 'link' && typeof link?.id === 'number' && m.links.has(link.id) && m.claims.has(h.claimId);
}

function mergeHistory(m: Merge, history: HistoryEntry[]): void {
  each(
    'history entry',
    history,
    (h) => {
      const comes = historyComes(m, h);
      if (comes) {
        const claimId = m.ref(m.claims, h.claimId!, 'claim');
        m.log.add(
          'history',
          insertHistoryRow(m.ctx, { ...h, claimId, from: remapValue(m, h.field, h.from), to: remapValue(m, h.field, h.to) }, null),
        );
      }
      m.count('history', comes);
    },
    'merge',
  );
}

/** A saved query in this archive's ids; null when it names a record the file does not hold. */
function remapQuery(m: Merge, query: ArchiveRecords['savedSearches'][number]['query']): typeof query | null {
  const out = { ...query };
  const refs = [
    ['entityId', m.entities],
    ['articleId', m.articles],
    ['collectionId', m.collections],
  ] as const;
  for (const [key, map] of refs) {
    if (out[key] === undefined) continue;
    const here = map.get(out[key]);
    if (here === undefined) return null;
    out[key] = here;
  }
  return out;
}

function mergeWorkflow(m: Merge, records: ArchiveRecords): void {
  each(
    'collection',
    records.collections,
    (k) => {
      const here = m.ctx.sql.get<{ id: number }>('SELECT id FROM collection WHERE name = ?', [k.name])?.id ?? null;
      const id = here ?? insertCollectionRow(m.ctx, k, null);
      if (here === null) m.log.add('collection', id);
      // Claims join a new collection as restore does (at its creation); an existing one, now.
      const at = here === null ? k.createdAt : m.ctx.now();
      for (const fileId of k.claimIds) {
        const claimId = m.ref(m.claims, fileId, 'claim');
        m.ctx.sql.run('INSERT OR IGNORE INTO collection_claim (collection_id, claim_id, added_at) VALUES (?, ?, ?)', [id, claimId, at]);
        if (m.ctx.sql.changes() > 0) m.log.add('membership', id, claimId);
      }
      // An article's membership is logged as one with the key 'article' (the log's kinds are fixed).
      for (const fileId of k.articleIds ?? []) {
        const articleId = m.ref(m.articles, fileId, 'article');
        m.ctx.sql.run('INSERT OR IGNORE INTO collection_article (collection_id, article_id, added_at) VALUES (?, ?, ?)', [
          id,
          articleId,
          at,
        ]);
        if (m.ctx.sql.changes() > 0) m.log.add('membership', id, articleId, 'article');
      }
      m.collections.set(k.id, id);
      m.count('collections', here === null);
    },
    'merge',
  );
  each(
    'saved search',
    records.savedSearches,
    (s) => {
      const taken = m.ctx.sql.get('SELECT 1 FROM saved_search WHERE name = ?', [s.name]) !== undefined;
      const query = taken ? null : remapQuery(m, s.query);
      // A search for a record the file does not hold would find something else here: left out.
      if (query) m.log.add('saved_search', insertSavedSearchRow(m.ctx, { ...s, query }, null));
      if (taken || query) m.count('savedSearches', !taken);
    },
    'merge',
  );
}

/**
 * Highlights on the file's articles: one already here (same article, same passage) stays as it is;
 * the others come with fresh ids, their spans found again if the article's text differs here (a
 * passage no longer in it is left out rather than kept at the wrong place). Logged with their update
 * time, so an undo can tell one edited since.
 */
function mergeHighlights(m: Merge, highlights: NonNullable<ArchiveRecords['highlights']>): void {
  each(
    'highlight',
    highlights,
    (h) => {
      const span = remapSpan(m, { ...h, start: h.start as number | null, end: h.end as number | null });
      if (span.start === null || span.end === null) return;
      const here = m.ctx.sql.get('SELECT 1 FROM highlight WHERE article_id = ? AND start_offset = ? AND end_offset = ?', [
        span.articleId,
        span.start,
        span.end,
      ]);
      if (here) return;
      const id = insertHighlightRow(m.ctx, { ...h, articleId: span.articleId, start: span.start, end: span.end, quote: span.quote }, null);
      m.log.add('highlight', id, span.articleId, h.updatedAt);
    },
    'merge',
  );
}

/**
 * Merges every record; call inside a transaction (ctx.write), so a refused record undoes all.
 * `source` (the file's name) is kept with the merge's log for the undo's messages.
 */
export function mergeRecordsSync(ctx: RepoContext<WriteMode>, records: ArchiveRecords, source: string | null = null): ArchiveImportResult {
  const m = new Merge(ctx, source);
  mergeArticles(m, records.articles);
  mergeEntities(m, records.entities);
  mergeClaims(m, records.claims);
  mergeLinksAndEvidence(m, records);
  mergeHistory(m, records.history);
  mergeWorkflow(m, records);
  mergeHighlights(m, records.highlights ?? []);
  const mergeId = saveMergeLog(ctx, m.log, m.added, source);
  return { mode: 'merged', mergeId, added: m.added, present: m.present };
}

export function createMergeRepo<M extends WriteMode>(ctx: RepoContext<M>) {
  return {
    /** Merges records into this archive, all or nothing (see the top of merge.ts). */
    records: (records: ArchiveRecords, source: string | null = null): Written<M, ArchiveImportResult> =>
      ctx.write(() => mergeRecordsSync(ctx, records, source)),
    /** Removes exactly what merge `id` added, unless any of it changed since (CONFLICT; see merge-undo.ts). */
    undo: (id: number): Written<M, ArchiveMergeUndoResult> => ctx.write(() => undoMergeSync(ctx, id)),
  };
}
