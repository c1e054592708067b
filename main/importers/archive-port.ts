// What the import service needs from the archive (main/archive implements it). Kept structural so
// the importers depend on behaviour, not on the archive's internals, and tests can pass a fake.
import type { Article, ArticleQuery, ArticleSummary, NewArticle, NewClaim, Page } from '../api/types';
import type { ParsedArticle } from './types';

type MaybePromise<T> = T | Promise<T>;

export interface ImportArchive {
  articles: {
    /** One durable write; resolves with the stored article. */
    insert(article: NewArticle): MaybePromise<Pick<Article, 'id'>>;
    findBySha256(sha256: string): MaybePromise<Pick<Article, 'id'> | null | undefined>;
    list(query: ArticleQuery): MaybePromise<Page<Pick<ArticleSummary, 'id'>>>;
    get(id: number): MaybePromise<Pick<Article, 'id' | 'text'>>;
    /** Used only to undo an article whose suggestions could not be stored. */
    delete(id: number): MaybePromise<unknown>;
  };
  /** Stores all claims in one all-or-nothing write. */
  claims: { insertMany(claims: NewClaim[]): MaybePromise<unknown> };
  suggestions: { add(articleId: number, payloads: NewClaim[]): MaybePromise<unknown> };
  /** Stores the original file, content-addressed; writing the same bytes twice is harmless. */
  originals: { put(sha256: string, ext: string, bytes: Uint8Array): MaybePromise<unknown> };
}

/** Proposes claims for an article (main/extraction's extractClaims, adapted by the caller). */
export type Extractor = (article: ParsedArticle) => NewClaim[] | Promise<NewClaim[]>;
