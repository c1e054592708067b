import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../../main/importers/parse';
import { DEFAULT_LIMITS } from '../../../main/importers/types';
import { docxBodyText } from '../../../main/importers/formats/docx-fast-text';
import { documentXml, makeDocx, makePdf, setDeclaredSizes } from '../../fixtures/importers/make';

async function articleOf(name: string, bytes: Uint8Array, limits = DEFAULT_LIMITS) {
  const parsed = await parseBytes(name, bytes, limits);
  if (parsed.kind !== 'article') throw new Error('expected an article');
  return parsed;
}

describe('PDF', () => {
  const pdf = makePdf({
    info: { Title: 'Seoul says troops moved north', Author: 'Jane Reporter', CreationDate: 'D:20241025093000Z' },
    pages: [
      [
        { text: 'Seoul says troops moved north', size: 20 },
        { text: 'SEOUL (Yonhap) - South Korea said on Friday that inter-', gapBefore: 10 },
        { text: 'national observers had seen troops moving north.' },
        { text: 'A second paragraph follows after a gap.', gapBefore: 14 },
      ],
      [{ text: 'Page two has its own paragraph.' }],
    ],
  });

  it('reads text in reading order with paragraph breaks, and the document info', async () => {
    const { article, source } = await articleOf('story.pdf', pdf);
    expect(article).toMatchObject({
      title: 'Seoul says troops moved north',
      author: 'Jane Reporter',
      published: '2024-10-25',
      wireAgency: 'Yonhap',
    });
    expect(article.text.split('\n\n')).toEqual([
      'Seoul says troops moved north',
      'SEOUL (Yonhap) - South Korea said on Friday that international observers had seen troops moving north.',
      'A second paragraph follows after a gap.',
      'Page two has its own paragraph.',
    ]);
    expect(source).toMatchObject({ type: 'pdf', size: pdf.length });
  });

  it('uses the largest heading when the document info has no title', async () => {
    const untitled = makePdf({
      pages: [
        [
          { text: 'Floods hit the coast', size: 22 },
          { text: 'Heavy rain flooded several towns on Tuesday.', gapBefore: 8 },
        ],
      ],
    });
    expect((await articleOf('u.pdf', untitled)).article.title).toBe('Floods hit the coast');
  });

  it('refuses encrypted and damaged PDFs with specific messages', async () => {
    await expect(parseBytes('locked.pdf', makePdf({ pages: [[{ text: 'secret' }]], encrypted: true }))).rejects.toThrow(
      'PDF is password-protected',
    );
    await expect(parseBytes('broken.pdf', new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage'))).rejects.toThrow(
      /^PDF is damaged: /,
    );
  });
});

describe('DOCX', () => {
  it('reads paragraphs and the core properties', async () => {
    const docx = makeDocx({
      paragraphs: ['Lawmakers passed the budget on Friday after weeks of talks, officials said.', 'Lawmakers in the chamber (AFP)'],
      core: { title: 'Budget passes', creator: 'Ann Lee', created: '2024-03-01T08:00:00Z' },
    });
    const { article } = await articleOf('b.docx', docx);
    expect(article).toMatchObject({ title: 'Budget passes', author: 'Ann Lee', published: '2024-03-01T08:00:00Z', wireAgency: 'AFP' });
    expect(article.text).toBe(
      'Lawmakers passed the budget on Friday after weeks of talks, officials said.\n\nLawmakers in the chamber (AFP)',
    );
  });

  it('reads a very large body (beyond what mammoth can hold in the worker) paragraph by paragraph', async () => {
    const paragraphs = Array.from({ length: 40_000 }, (_, i) => `Paragraph ${i} of the contract: the parties agree to clause ${i}.`);
    const { article } = await articleOf('big.docx', makeDocx({ paragraphs }));
    expect(article.text.split('\n\n')).toHaveLength(40_000);
    expect(article.text.endsWith('Paragraph 39999 of the contract: the parties agree to clause 39999.')).toBe(true);
  });

  it('the fast reader keeps tabs and breaks, decodes entities and leaves deleted text out', () => {
    const xml =
      '<w:body><w:p><w:r><w:t>Tom &amp; Jerry</w:t><w:tab/><w:t xml:space="preserve">&#8364;5</w:t></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del></w:p><w:p/><w:p><w:r><w:t>a</w:t><w:br/><w:t>b</w:t></w:r></w:p></w:body>';
    expect(docxBodyText(xml)).toBe('Tom & Jerry\t€5\n\na\nb');
  });

  it('refuses a file that is not a zip', async () => {
    await expect(parseBytes('fake.docx', new TextEncoder().encode('This is not a zip file at all.'))).rejects.toThrow(
      /^DOCX is not a valid zip/,
    );
  });

  it('refuses a zip that declares more than the limit before unpacking anything', async () => {
    const small = makeDocx({ paragraphs: ['ok'] });
    await expect(parseBytes('bomb.docx', setDeclaredSizes(small, 300 * 1024 * 1024))).rejects.toThrow(
      /^DOCX expands to 900 MB \(limit 200 MB\)$/,
    );
  });

  it('refuses a zip bomb that expands past the limit', async () => {
    const bomb = makeDocx({ paragraphs: ['x'.repeat(3_000_000)] });
    expect(bomb.length).toBeLessThan(20_000);
    const limits = { ...DEFAULT_LIMITS, maxUnzippedBytes: 1024 * 1024 };
    await expect(parseBytes('bomb.docx', bomb, limits)).rejects.toThrow('DOCX expands to 2.9 MB (limit 1.0 MB)');
  });

  it('catches entries whose headers lie about their size', async () => {
    const bomb = setDeclaredSizes(makeDocx({ paragraphs: ['x'.repeat(3_000_000)] }), 100);
    await expect(parseBytes('liar.docx', bomb)).rejects.toThrow('DOCX entry word/document.xml expands past its declared size');
  });

  it('never resolves XML entities (XXE)', async () => {
    const xxe = makeDocx({
      documentXml: documentXml(['&xxe;'], '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>').replace(
        '&amp;xxe;',
        '&xxe;',
      ),
    });
    const result = parseBytes('xxe.docx', xxe);
    await expect(result).rejects.toThrow('DOCX declares XML entities');
  });
});
