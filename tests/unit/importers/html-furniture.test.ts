// Page furniture never reaches the article text: captions, credits, bylines, newsletter prompts,
// related-link lists and tables of contents are dropped at import. Made-up page.
import { describe, expect, it } from 'vitest';
import { parseHtmlArticle } from '../../../main/importers/formats/html';

const STORY = [
  'The mayor said the bridge would reopen in May after repairs that cost four million dollars, according to the city council.',
  'The council approved the budget by a vote of seven to two, and officials expect the work to finish before the summer season.',
  'Residents have complained for months about the detour, which adds twenty minutes to the commute into the city centre.',
];
const FURNITURE = {
  caption: 'Workers on the closed bridge deck in Lisbon on Monday.',
  photoCredit: 'Photo by John Roe/Getty Images',
  label: 'Continue reading the main story',
  agency: 'Getty Images',
  contributed: 'Contributed.',
  newsletter: 'Sign up for our morning newsletter to get the news first.',
  reportedFrom: 'Stella Kim reported from Seoul, and Jennifer Jett from Hong Kong.',
  related: 'Mayor wins civic award',
  contents: 'Chapter two: the detour',
};

const page = `<html><head><title>Bridge to reopen</title></head><body><article>
<h1>Bridge to reopen in May</h1><p class="byline">By Jane Doe</p>
<nav class="toc"><ol><li><a href="#a">Chapter one: the bridge</a></li><li><a href="#b">${FURNITURE.contents}</a></li></ol></nav>
<p>${STORY[0]}</p>
<figure><img src="a.jpg" alt=""><figcaption>${FURNITURE.caption} <span class="credit">${FURNITURE.photoCredit}</span></figcaption></figure>
<p>${FURNITURE.label}</p><p>${FURNITURE.agency}</p><p>${FURNITURE.contributed}</p>
<p>${STORY[1]}</p>
<div class="newsletter-signup"><p>${FURNITURE.newsletter}</p></div>
<ul class="related-links"><li><a href="x">${FURNITURE.related}</a></li><li><a href="y">Bridge closed</a></li></ul>
<p>${STORY[2]}</p>
<p>${FURNITURE.reportedFrom}</p>
</article></body></html>`;

describe('HTML import without page furniture', () => {
  const article = parseHtmlArticle(page);

  it('keeps every paragraph of the story and the author', () => {
    for (const p of STORY) expect(article.text).toContain(p);
    expect(article.author).toBe('Jane Doe');
  });

  it.each(Object.entries(FURNITURE))('drops the %s', (_kind, line) => {
    expect(article.text).not.toContain(line);
  });

  it('keeps a story paragraph that merely mentions a photo or a newsletter', () => {
    const long =
      'The newsletter that first reported the repairs, a small local weekly, said its photo of the cracked pillar was taken by a reader who had walked across the bridge every day for thirty years.';
    const a = parseHtmlArticle(page.replace(`<p>${STORY[2]}</p>`, `<p>${STORY[2]}</p><p>${long}</p>`));
    expect(a.text).toContain(long);
  });
});
