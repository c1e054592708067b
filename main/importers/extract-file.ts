// `claimdesk extract FILE`: parse one file (in a worker, with the usual limits) and propose claims,
// without touching any archive.
import { AppError } from '../../shared/errors';
import type { Extractor } from './archive-port';
import { parseFile } from './pool';
import type { ImportPool } from './pool';
import type { ParseOptions } from './types';

export interface ExtractedFile {
  article: {
    title: string;
    outlet: string | null;
    author: string | null;
    published: string | null;
    language: string | null;
    url: string | null;
    text: string;
  };
  claims: unknown[];
}

export async function extractFile(
  path: string,
  opts: { extract?: Extractor; pool?: ImportPool; parse?: ParseOptions } = {},
): Promise<ExtractedFile> {
  const parsed = opts.pool ? await opts.pool.parse(path, opts.parse) : await parseFile(path, opts.parse);
  if (parsed.kind !== 'article')
    throw new AppError('INVALID_ARGUMENT', `${parsed.source.name} is a claim list, not an article: import it instead`);
  const { title, outlet, author, published, language, url, text } = parsed.article;
  const claims = opts.extract ? await opts.extract(parsed.article) : [];
  return { article: { title, outlet, author, published, language, url, text }, claims };
}
