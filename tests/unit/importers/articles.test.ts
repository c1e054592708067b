import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../../main/importers/parse';
import type { ParsedArticle } from '../../../main/importers/types';

const SAMPLE = join(import.meta.dirname, '../../../resources/samples/nk-troops-russia-2024-10-25.txt');
const utf8 = (s: string) => new TextEncoder().encode(s);

async function article(name: string, content: string | Uint8Array): Promise<ParsedArticle> {
  const parsed = await parseBytes(name, typeof content === 'string' ? utf8(content) : content);
  if (parsed.kind !== 'article') throw new Error('expected an article');
  return parsed.article;
}

describe('plain-text articles', () => {
  it('reads the sample: date on the first line with the body, AFP from the photo credit', async () => {
    const a = await article('nk.txt', readFileSync(SAMPLE));
    expect(a.published).toBe('2024-10-25');
    expect(a.wireAgency).toBe('AFP');
    expect(a.title).toBe('North Korea says any troop deployment to Russia would be in line with international law');
    expect(a.text.startsWith('North Korea said Friday that any troop deployment')).toBe(true);
    expect(a.text).toContain('North Korean leader Kim Jong Un (AFP file)');
    expect(a.language).toBe('en');
  });

  it('reads leading metadata lines and a wire dateline', async () => {
    const a = await article(
      'story.txt',
      'Title: Parliament passes budget\nAuthor: Jane Doe\nSource: The Daily Example\nDate: 3 March 2024\n\nSEOUL (Yonhap) -- Lawmakers approved the budget on Friday after weeks of talks, the speaker said.\n\nThe vote was 180 to 95.',
    );
    expect(a).toMatchObject({
      title: 'Parliament passes budget',
      author: 'Jane Doe',
      outlet: 'The Daily Example',
      published: '2024-03-03',
      wireAgency: 'Yonhap',
    });
    expect(a.text.startsWith('SEOUL (Yonhap)')).toBe(true);
  });

  it('does not mistake a quoted source for the wire agency', async () => {
    const a = await article(
      'kcna.txt',
      'Pyongyang held a parade on Monday, according to the Korean Central News Agency (KCNA). Officials attended the parade and gave speeches about the anniversary.',
    );
    expect(a.wireAgency).toBeNull();
  });

  it('recognises Reuters sign-offs', async () => {
    const a = await article(
      'r.txt',
      'Oil prices rose on Monday as supply worries grew across the markets.\n\n(Reporting by Jane Roe; Editing by John Poe)',
    );
    expect(a.wireAgency).toBe('Reuters');
  });

  it('takes a short first line followed by a blank line as the headline', async () => {
    const a = await article('h.txt', 'Floods hit the coast\n\nHeavy rain flooded several towns on Tuesday, officials said.');
    expect(a.title).toBe('Floods hit the coast');
    expect(a.text).toBe('Heavy rain flooded several towns on Tuesday, officials said.');
  });

  it('reads Markdown front matter and strips Markdown markup from the text', async () => {
    const a = await article(
      'post.md',
      '---\ntitle: "Rates stay on hold"\nauthor: Max Mustermann\ndate: 2023-11-02\nsource: Example Times\nlang: en-GB\n---\n# Rates stay on hold\n\nThe **central bank** kept rates unchanged, [the statement](https://example.org) said.\n',
    );
    expect(a).toMatchObject({
      title: 'Rates stay on hold',
      author: 'Max Mustermann',
      published: '2023-11-02',
      outlet: 'Example Times',
      language: 'en',
    });
    expect(a.text).toBe('The central bank kept rates unchanged, the statement said.');
  });

  it('decodes a windows-1252 text file', async () => {
    const bytes = Uint8Array.from([
      ...utf8('Caf'),
      0xe9,
      ...utf8(' owners in M'),
      0xfc,
      ...utf8('nchen said prices rose again this year, according to the survey.'),
    ]);
    expect((await article('w.txt', bytes)).text).toContain('Café owners in München');
  });
});

const NEWS_HTML = `<!doctype html><html lang="en-US"><head>
<title>Ignored page title | Site</title>
<meta property="og:site_name" content="Example News">
<link rel="canonical" href="https://news.example.org/2024/10/25/troops">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Example"},
 {"@type":"NewsArticle","headline":"Seoul says troops are in Russia","author":[{"@type":"Person","name":"Kim Min-ji"}],
  "datePublished":"2024-10-25T09:30:00+09:00","publisher":{"@type":"Organization","name":"Example News"}}]}</script>
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Seoul says troops are in Russia</h1>
<p>SEOUL (AFP) - South Korea's spy agency said on Friday that thousands of North Korean troops were training in Russia, a claim Pyongyang has not confirmed.</p>
<p>The agency said the soldiers had been moved by ship from ports on the east coast and would be deployed to the front within weeks, according to lawmakers briefed on the findings.</p>
<p>Russia has not commented on the reports, which have drawn condemnation from Kyiv and Western capitals.</p>
</article><footer>© Example News</footer><script>alert("never run")</script></body></html>`;

describe('HTML articles', () => {
  it('takes title, byline, date and site from JSON-LD and meta, and the main text from Readability', async () => {
    const a = await article('page.html', NEWS_HTML);
    expect(a).toMatchObject({
      title: 'Seoul says troops are in Russia',
      author: 'Kim Min-ji',
      published: '2024-10-25T09:30:00+09:00',
      outlet: 'Example News',
      url: 'https://news.example.org/2024/10/25/troops',
      language: 'en',
      wireAgency: 'AFP',
    });
    expect(a.text).toContain("South Korea's spy agency said on Friday");
    expect(a.text.split('\n\n').length).toBeGreaterThanOrEqual(3);
    expect(a.text).not.toContain('alert');
    expect(a.text).not.toContain('Home');
  });

  it('falls back to Open Graph and meta tags without JSON-LD', async () => {
    const html = `<html><head><meta property="og:title" content="Budget vote delayed"><meta name="author" content="By Ann Lee">
      <meta property="article:published_time" content="2022-05-01T10:00:00Z"></head><body><p>The vote on the budget was delayed again, the speaker said.</p></body></html>`;
    expect(await article('p.htm', html)).toMatchObject({
      title: 'Budget vote delayed',
      author: 'Ann Lee',
      published: '2022-05-01T10:00:00Z',
    });
  });

  it('reads XHTML', async () => {
    const xhtml = `<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml" xml:lang="de"><head><title>Wahl verschoben</title></head>
      <body><p>Die Wahl wurde verschoben, teilte die Kommission am Montag mit. Sie nannte keine Gründe für die Entscheidung und die Parteien sind nicht zufrieden.</p></body></html>`;
    const a = await article('p.xhtml', xhtml);
    expect(a.title).toBe('Wahl verschoben');
    expect(a.text).toContain('Die Wahl wurde verschoben');
    expect(a.language).toBe('de');
  });

  it('decodes the text/html part of an MHTML snapshot', async () => {
    const mhtml = [
      'From: <Saved by Blink>',
      'Snapshot-Content-Location: https://example.org/story',
      'Subject: Story',
      'MIME-Version: 1.0',
      'Content-Type: multipart/related; type="text/html"; boundary="----BOUNDARY"',
      '',
      '------BOUNDARY',
      'Content-Type: text/html; charset=windows-1252',
      'Content-Transfer-Encoding: quoted-printable',
      'Content-Location: https://example.org/story',
      '',
      '<html><head><title>Caf=E9 prices</title></head><body><p>Caf=E9 prices rose by a third this year, the=',
      ' survey found.</p></body></html>',
      '------BOUNDARY--',
      '',
    ].join('\r\n');
    const a = await article('saved.mhtml', mhtml);
    expect(a.title).toBe('Café prices');
    expect(a.text).toContain('Café prices rose by a third this year, the survey found.');
    expect(a.url).toBe('https://example.org/story');
  });
});

describe('refusals', () => {
  it('names the problem: empty file, unknown type', async () => {
    await expect(parseBytes('empty.txt', new Uint8Array())).rejects.toThrow('Empty file: empty.txt');
    await expect(parseBytes('data.xyz', utf8('hello'))).rejects.toThrow('Unsupported file type .xyz');
  });
});
