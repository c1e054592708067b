// What the import service needs from the archive (main/archive implements it). Kept structural so
// the importers depend on behaviour, not on the archive's internals, and tests can pass a fake.
import type { Article, ArticleQuery, ArticleSummary, NewArticle, NewClaim, Page } from '../../shared/domain';
import type { ParsedArticle } from './types';

type MaybePromise<T> = T | Promise<T>;

export interface ImportArchive {
  articles: {
    /** One durable write; resolves with the stored article. */
    insert(article: NewArticle): MaybePromise<Pick<Article, 'id'>>;
    findBySha256(sha256: string): MaybePromise<Pick<Article, 'id'> | null | undefined>;
    list(query: ArticleQuery): MaybePromise<Page<Pick<ArticleSummary, 'id'>>>;
    get(id: number): MaybePromise<Pick<Article, 'id' | 'text'>>;
  };
  /** Stores all claims in one all-or-nothing write. */
  claims: { insertMany(claims: NewClaim[]): MaybePromise<unknown> };
  suggestions: { add(articleId: number, payloads: NewClaim[]): MaybePromise<unknown> };
  /** One all-or-nothing durable write: an article and its suggestions together. */
  transaction<T>(fn: (tx: ImportTx) => T): Promise<T>;
  /** Stores the original file, content-addressed; writing the same bytes twice is harmless. */
  originals: { put(sha256: string, ext: string, bytes: Uint8Array): MaybePromise<unknown> };
}

/** Writes inside a transaction return their values directly. */
export interface ImportTx {
  articles: { insert(article: NewArticle): Pick<Article, 'id'> };
  suggestions: { add(articleId: number, payloads: NewClaim[]): unknown };
}

/** Proposes claims for an article (main/extraction's extractClaims, adapted by the caller). */
export type Extractor = (article: ParsedArticle) => NewClaim[] | Promise<NewClaim[]>;
