// Generated HTML news articles for the import benchmarks (bench/import.ts, bench/loop.ts): the same
// seed gives the same article, so runs compare.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../main/util/random';

const WORDS =
  'government minister said troops border talks economy budget election court police report agency official week country president claims percent million region security plan'.split(
    ' ',
  );

export function htmlArticle(i: number): string {
  const rand = seededRandom(i + 1);
  const sentence = () => Array.from({ length: 14 }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ');
  const paragraphs = Array.from(
    { length: 8 },
    () => `<p>${sentence()}, the ${WORDS[i % WORDS.length]} said on Monday. ${sentence()}.</p>`,
  ).join('\n');
  return `<!doctype html><html lang="en"><head><title>Story ${i}</title>
<meta property="og:site_name" content="Bench News"><meta name="author" content="Reporter ${i % 37}">
<meta property="article:published_time" content="2024-0${(i % 9) + 1}-1${i % 10}T08:00:00Z"></head>
<body><nav>Home | World</nav><article><h1>Story ${i}</h1>${paragraphs}</article><footer>© Bench News</footer></body></html>`;
}

/** Writes `count` articles as story-00000.html… into `dir` (created). */
export function writeHtmlArticles(dir: string, count: number): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) writeFileSync(join(dir, `story-${String(i).padStart(5, '0')}.html`), htmlArticle(i));
}
