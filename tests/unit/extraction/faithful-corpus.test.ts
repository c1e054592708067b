// Property: on real pages, every statement extraction writes is faithful to its quote (faithful.ts),
// whatever its score. The pages are read in place from the shared research data (never copied here);
// the full set, PDFs and DOCX included, is measured by `npm run eval:faithful`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../../main/importers/parse';
import { extractClaims } from '../../../main/extraction/index';
import { faithfulness } from '../../../main/extraction/faithful';
import { SAMPLE_PATH } from '../../../bench/sample-article';

const READABILITY = resolve(__dirname, '../../../../shared/data/readability');
const pages = ['en', 'non-english'].flatMap((set) => {
  const dir = join(READABILITY, set);
  return existsSync(dir)
    ? readdirSync(dir)
        .map((d) => join(dir, d, 'source.html'))
        .filter((p) => existsSync(p))
    : [];
});

describe('faithful statements on real pages', () => {
  it('writes only faithful statements for the sample article and every readability page', { timeout: 120_000 }, async () => {
    const unfaithful: string[] = [];
    let statements = 0;
    for (const path of [SAMPLE_PATH, ...pages]) {
      const parsed = await parseBytes(path, readFileSync(path));
      if (parsed.kind !== 'article') continue;
      for (const c of extractClaims({ text: parsed.article.text }, { threshold: 0 }).claims) {
        statements++;
        if (!faithfulness(c.quote, c.statement).faithful) unfaithful.push(`${path}: ${c.quote} => ${c.statement}`);
      }
    }
    expect(statements).toBeGreaterThan(10);
    expect(unfaithful).toEqual([]);
  });
});
