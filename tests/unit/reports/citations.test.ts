// Citations for reference managers: CSL-JSON, BibTeX and RIS written with citation-js and read back
// by it with the same fields; citation keys stable and unique; formatted references in the bundled
// CSL styles.
import { Cite } from '@citation-js/core';
import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../../../main/reports/build-model';
import {
  bylineNames,
  citationKeys,
  cslItem,
  cslItemsOf,
  formatCitation,
  loadCitationJs,
  renderCitations,
  type CitedArticle,
} from '../../../main/reports/citations';
import { exportArchive } from '../../../main/reports/export';
import { freshArchive, tempDir } from './archive-fixture';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const article = (a: Partial<CitedArticle> & { id: number; title: string }): CitedArticle => ({
  outlet: null,
  author: null,
  published: null,
  url: null,
  language: null,
  importedAt: '2026-12-01T09:30:00.000Z',
  wireAgency: null,
  ...a,
});

const ARTICLES: CitedArticle[] = [
  article({
    id: 1,
    title: 'North Korea says troop deployment “would be legal”',
    outlet: 'Le Monde',
    author: 'Jo Doe and Ann Lee',
    published: '2024-10-25',
    url: 'https://example.org/a?x=1&y=2',
    language: 'fr',
  }),
  article({
    id: 2,
    title: 'Это очередной фейк: 50% & $5 {sic} #1_a ~ ^ \\',
    outlet: 'Коммерсантъ',
    author: 'Мария Захарова',
    published: '2024-10-26',
    url: 'https://example.ru/b',
    language: 'ru',
  }),
  article({
    id: 3,
    title: 'The long read on sanctions policy and what the sanctions committee really found out this year',
    author: 'Ludwig van Beethoven',
    published: '2024-11',
    url: 'https://blog.example.net/posts/sanctions-policy-long-read-with-a-url-longer-than-seventy-characters',
  }),
  article({ id: 4, title: 'North Korea: troops spotted', outlet: 'Le Monde', author: 'Doe, Jo; Lee, Ann', published: '2024-12-02' }),
  article({ id: 5, title: 'Seoul reacts', wireAgency: 'AFP', published: null }),
];

const plain = (data: Record<string, unknown>[]) => data.map(({ _graph: _g, ...rest }) => rest);
type Name = { family?: string; given?: string; literal?: string; 'non-dropping-particle'?: string };
const names = (list: unknown) =>
  ((list as Name[]) ?? []).map(
    (n) => n.literal ?? `${n['non-dropping-particle'] ? `${n['non-dropping-particle']} ` : ''}${n.family}, ${n.given}`,
  );

describe('citation keys', () => {
  it('are <surname|outlet|agency><year><first title word>, unique, with b, c… on collision', () => {
    const keys = citationKeys(ARTICLES);
    // The Cyrillic byline and title have no ASCII letters to spell a key with: "anon", the year and
    // the first word that has some ("sic").
    expect([...keys.values()]).toEqual(['doe2024north', 'anon2024sic', 'beethoven2024long', 'doe2024northb', 'afpndseoul']);
    expect(new Set(keys.values()).size).toBe(ARTICLES.length);
  });

  it('stay the same for the same archive, and importing an article never changes an existing key', () => {
    const before = citationKeys(ARTICLES);
    expect(citationKeys([...ARTICLES].reverse())).toEqual(before);
    const after = citationKeys([...ARTICLES, article({ id: 9, title: 'North Korea, again', author: 'Jo Doe', published: '2024-01-01' })]);
    for (const [id, key] of before) expect(after.get(id)).toBe(key);
    expect(after.get(9)).toBe('doe2024northc');
  });

  it('reads bylines with several authors, surname-first lists and organisations', () => {
    expect(bylineNames('Jo Doe and Ann Lee')).toEqual([
      { given: 'Jo', family: 'Doe' },
      { given: 'Ann', family: 'Lee' },
    ]);
    expect(bylineNames('Doe, Jo; Lee, Ann')).toEqual([
      { family: 'Doe', given: 'Jo' },
      { family: 'Lee', given: 'Ann' },
    ]);
    expect(bylineNames('By Ludwig van Beethoven')).toEqual([{ given: 'Ludwig', 'non-dropping-particle': 'van', family: 'Beethoven' }]);
    expect(bylineNames('Reuters Staff')).toEqual([{ literal: 'Reuters Staff' }]);
    expect(bylineNames(null)).toEqual([]);
  });
});

describe('citation files, read back by citation-js', () => {
  const keys = citationKeys(ARTICLES);
  const items = ARTICLES.map((a) => cslItem(a, keys.get(a.id)!));

  it('maps the article: type, authors, outlet, dates, URL, language', () => {
    expect(items[0]).toMatchObject({
      id: 'doe2024north',
      type: 'article-newspaper',
      author: [
        { family: 'Doe', given: 'Jo' },
        { family: 'Lee', given: 'Ann' },
      ],
      'container-title': 'Le Monde',
      issued: { 'date-parts': [[2024, 10, 25]] },
      accessed: { 'date-parts': [[2026, 12, 1]] },
      URL: 'https://example.org/a?x=1&y=2',
      language: 'fr',
    });
    expect(items[2].type).toBe('post-weblog');
    expect(items[4]).toMatchObject({ type: 'webpage', publisher: 'AFP' });
  });

  it('CSL-JSON comes back unchanged', async () => {
    const text = await renderCitations(items, 'csl-json');
    expect(plain(new Cite(JSON.parse(text)).data)).toEqual(items);
  });

  it('BibTeX comes back with the same keys, titles, authors, outlets, years and URLs', async () => {
    const text = await renderCitations(items, 'bibtex');
    expect(text).toContain('@article{doe2024north,');
    expect(text).toContain('author = {Захарова, Мария}'); // UTF-8, not dropped
    const back = plain(new Cite(text).data);
    expect(back.map((b) => b['citation-key'])).toEqual(items.map((i) => i.id));
    for (const [i, b] of back.entries()) {
      expect(b.title).toBe(items[i].title);
      expect(names(b.author)).toEqual(names(items[i].author));
      expect(b['container-title']).toBe(items[i]['container-title']);
      expect((b.issued as { 'date-parts': number[][] } | undefined)?.['date-parts'][0][0]).toBe(
        (items[i].issued as { 'date-parts': number[][] } | undefined)?.['date-parts'][0][0],
      );
      expect(b.URL).toBe(items[i].URL);
    }
  });

  it('RIS comes back with the same titles, authors, outlets, dates, URLs and languages, one value per line', async () => {
    const text = await renderCitations(items, 'ris');
    for (const line of text.split('\n')) expect(line === '' || /^[A-Z][A-Z0-9] {2}-( |$)/.test(line), line).toBe(true);
    expect(text).toContain('AU  - Doe, Jo\nAU  - Lee, Ann');
    expect(text).toContain('DA  - 2024/10/25/');
    const back = plain(new Cite(text).data);
    expect(back.map((b) => b.id)).toEqual(items.map((i) => i.id));
    for (const [i, b] of back.entries()) {
      expect(b.title).toBe(items[i].title);
      expect(b.type).toBe(items[i].type === 'post-weblog' ? 'post-weblog' : items[i].type);
      // The RIS spec calls a newspaper article's authors "reporters" (AU of TY NEWS): citation-js reads
      // them so, as the names written ("Doe, Jo").
      expect(b.author ? names(b.author) : [b.reporter ?? []].flat()).toEqual(names(items[i].author));
      expect(b['container-title']).toBe(items[i]['container-title']);
      expect(b.URL).toBe(items[i].URL);
      expect(b.language).toBe(items[i].language);
    }
    expect(back[2].issued).toEqual({ 'date-parts': [[2024, 11]] });
    expect((back[0].issued as { 'date-parts': number[][] })['date-parts'][0][0]).toBe(2024);
  });

  it('formats a reference in each bundled style', async () => {
    const apa = await formatCitation(items[0], 'apa');
    expect(apa).toBe(
      'Doe, J., & Lee, A. (2024, October 25). North Korea says troop deployment “would be legal.” Le Monde. https://example.org/a?x=1&y=2',
    );
    expect(await formatCitation(items[0], 'harvard1')).toMatch(/^Doe, J\. and Lee, A\. \(2024\) .*Le Monde.*Accessed: December 1, 2026/);
    expect(await formatCitation(items[0], 'vancouver')).toMatch(/^1\. Doe J, Lee A\. North Korea says troop deployment/);
    expect(await formatCitation(items[1], 'apa')).toContain('Захарова, М.');
  });

  it('are written offline: citation-js loads with its styles and locales bundled', async () => {
    const { plugins } = await loadCitationJs();
    expect(plugins.config.get('@csl')).toBeTruthy();
  });
});

describe('claimdesk export --format csl-json|bibtex|ris', () => {
  it('writes the sources of the chosen claims, keyed over the whole archive', async () => {
    const archive = await freshArchive();
    const first = await archive.articles.insert({
      title: 'North Korea says deployment is legal',
      outlet: 'AFP',
      author: 'Jo Doe',
      published: '2024-10-25',
      text: 'Text one.',
    });
    const second = await archive.articles.insert({
      title: 'North Korea: more troops',
      outlet: 'AFP',
      author: 'Jo Doe',
      published: '2024-10-27',
      text: 'Text two.',
    });
    await archive.articles.insert({ title: 'Unrelated', text: 'No claims here.' });
    await archive.claims.insertMany([{ articleId: second.id, statement: 'More troops arrived.' }]);
    const out = path.join(tempDir(), 'sources.bib');
    const result = await exportArchive(archive, { format: 'bibtex', out });
    expect(result).toMatchObject({ format: 'bibtex', claims: 1, articles: 1 });
    const back = plain(new Cite(readFileSync(out, 'utf8')).data);
    // The first article holds the bare key even though only the second is exported.
    expect(back.map((b) => b['citation-key'])).toEqual(['doe2024northb']);
    expect(cslItemsOf(archive, [first.id])[0].id).toBe('doe2024north');
    const model = await buildReportModel(archive, { search: {} });
    expect(model.sources.map((s) => s.articleId)).toEqual([second.id]);
  });
});
