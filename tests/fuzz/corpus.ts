// Seed files for the importer fuzzer: one or more small, valid files per import format, made here
// (nothing third-party is copied into the repo), plus the bundled sample article and, when present,
// every file of the shared research data folder (read in place, never copied).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { makeDocx, makePdf } from '../fixtures/importers/make';
import { isSupported } from '../../main/importers';

export interface Seed {
  /** File name, whose extension picks the importer. */
  name: string;
  bytes: Uint8Array;
}

const ROOT = resolve(import.meta.dirname, '../..');
export const DEFAULT_SHARED_FILES = resolve(ROOT, '../shared/data/files');

const PARAGRAPHS = [
  'SEOUL (AFP) - North Korea has sent about 3,000 troops to Russia, the South Korean military said on Friday.',
  '"They are being trained to operate drones," a spokesman told reporters, citing intelligence.',
  'Moscow denied the claim, calling it "a provocation", while Pyongyang made no comment.',
];

const text = (s: string) => strToU8(s);

function generatedSeeds(): Seed[] {
  const body = PARAGRAPHS.join('\n\n');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Troops sent to Russia</title>
<meta name="author" content="Jane Doe"><meta property="article:published_time" content="2024-10-25T08:00:00Z">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Troops sent to Russia","author":{"name":"Jane Doe"},"datePublished":"2024-10-25"}</script>
</head><body><article><h1>Troops sent to Russia</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
  const mhtml = [
    'From: <Saved by Chromium>',
    'Subject: Troops sent to Russia',
    'MIME-Version: 1.0',
    'Content-Type: multipart/related; type="text/html"; boundary="----B"',
    '',
    '------B',
    'Content-Type: text/html; charset="utf-8"',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    html.replace(/=/g, '=3D'),
    '------B--',
    '',
  ].join('\r\n');
  const csv = `claim,claimant,date,verdict,tags\n"North Korea sent 3,000 troops to Russia",South Korean military,2024-10-25,mostly-true,"nk;russia"\n"""A provocation"", the claim is false",Kremlin,2024-10-25,false,\n`;
  const claimReview = {
    '@context': 'https://schema.org',
    '@graph': [
      {
        '@type': 'ClaimReview',
        claimReviewed: 'North Korea sent 3,000 troops to Russia',
        datePublished: '2024-10-26',
        itemReviewed: { '@type': 'Claim', author: { '@type': 'Organization', name: 'South Korean military' }, datePublished: '2024-10-25' },
        reviewRating: { '@type': 'Rating', ratingValue: 4, bestRating: 5, worstRating: 1, alternateName: 'Mostly true' },
      },
    ],
  };
  return [
    { name: 'article.html', bytes: text(html) },
    {
      name: 'article.xhtml',
      bytes: text(
        `<?xml version="1.0" encoding="utf-8"?>\n${html.replace('<!doctype html>', '').replace('<html lang="en">', '<html xmlns="http://www.w3.org/1999/xhtml" lang="en">').replace('<meta charset="utf-8">', '<meta charset="utf-8"/>').replace('<meta name="author" content="Jane Doe">', '<meta name="author" content="Jane Doe"/>').replace('content="2024-10-25T08:00:00Z">', 'content="2024-10-25T08:00:00Z"/>')}`,
      ),
    },
    { name: 'article.mhtml', bytes: text(mhtml) },
    { name: 'article.txt', bytes: text(`Troops sent to Russia\n\nBy Jane Doe\n2024-10-25\n\n${body}\n`) },
    {
      name: 'article.md',
      bytes: text(`---\ntitle: Troops sent to Russia\nauthor: Jane Doe\ndate: 2024-10-25\n---\n\n# Troops sent to Russia\n\n${body}\n`),
    },
    {
      name: 'article.docx',
      bytes: makeDocx({
        paragraphs: ['Troops sent to Russia', ...PARAGRAPHS],
        core: { title: 'Troops sent to Russia', creator: 'Jane Doe', created: '2024-10-25T08:00:00Z' },
      }),
    },
    {
      name: 'article.pdf',
      bytes: makePdf({
        info: { Title: 'Troops sent to Russia', Author: 'Jane Doe' },
        pages: [
          [{ text: 'Troops sent to Russia', size: 20 }, ...PARAGRAPHS.map((p) => ({ text: p.slice(0, 90) }))],
          [{ text: PARAGRAPHS[2].slice(0, 90) }],
        ],
      }),
    },
    { name: 'claims.csv', bytes: text(csv) },
    { name: 'claims.tsv', bytes: text(csv.replace(/,/g, '\t')) },
    { name: 'claimreview.json', bytes: text(JSON.stringify(claimReview)) },
    { name: 'claimreview.jsonld', bytes: text(JSON.stringify(claimReview['@graph'][0])) },
    { name: 'nested.docx', bytes: zipSync({ 'word/document.xml': strToU8('<w:document/>'), 'a/b/c.xml': strToU8('x'.repeat(2_000)) }) },
  ];
}

function sampleSeeds(): Seed[] {
  const dir = join(ROOT, 'resources', 'samples');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }));
}

/** Every regular file under dir (recursively), read in place. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory()) return filesUnder(path);
      return stat.isFile() ? [path] : [];
    });
}

/** The seeds mutations start from: generated files and the sample, plus shared files if asked. */
export function loadSeeds(sharedFiles: string[] = []): Seed[] {
  // Only files an importer accepts make useful mutation seeds; all shared files are still parsed as they are.
  const shared = sharedFiles
    .filter((p) => isSupported(p) && statSync(p).size <= 2_000_000)
    .map((p) => ({ name: basename(p), bytes: new Uint8Array(readFileSync(p)) }));
  return [...generatedSeeds(), ...sampleSeeds(), ...shared];
}
