// Issue #16: author rules found on real pages, each checked on a small made-up page or byline.
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../../main/importers/parse';
import type { ParsedArticle } from '../../../main/importers/types';
import { cleanByline } from '../../../main/importers/meta/byline';

const BODY =
  '<p>The regional council approved the new tram line on Monday after a debate that lasted most of the day, officials said.</p>' +
  '<p>Construction is expected to start next year and the first trams should run within four years, according to the plan.</p>' +
  '<p>Opponents said the cost estimate was too low and asked for an independent review before any contract is signed.</p>';

async function html(head: string, body = '', after = ''): Promise<ParsedArticle> {
  const page = `<!doctype html><html lang="de"><head>${head}</head><body>${body}<article>${BODY}${after}</article></body></html>`;
  const parsed = await parseBytes('page.html', new TextEncoder().encode(page));
  if (parsed.kind !== 'article') throw new Error('expected an article');
  return parsed.article;
}

describe('byline cleaning', () => {
  it.each([
    ['Autoren Jana Beispiel und Jörg Muster', 'Jana Beispiel; Jörg Muster'],
    ['Von R. R. am', 'R. R.'],
    ['Quelle: Radio Beispiel/ls', 'Radio Beispiel/ls'],
    ['Anna Muster im Gespräch mit Kai Beispiel', 'Anna Muster; Kai Beispiel'],
    ['Written by Kim Park, edited by Lee Chan', 'Kim Park'],
  ])('cleans %j to %j', (raw, name) => {
    expect(cleanByline(raw)).toBe(name);
  });

  it.each([
    ['an editor credit without an author', 'Revised Edition Edited by Lee Chan'],
    ['a user account slug', 'jana-beispiel'],
    ['a dotted account slug', 'jana.beispiel'],
    ['the site describing itself', 'beispiel.de, Frankfurt, Germany'],
    ['a weekday left from a date line', 'Donnerstag, 4. November 2021'],
  ])('is no author: %s (%j)', (_why, raw) => {
    expect(cleanByline(raw)).toBeNull();
  });
});

describe('visible bylines', () => {
  it('reads the author’s own name, not a breadcrumb’s itemprop="name" inside the author block', async () => {
    const a = await html(
      '<title>Test</title>',
      '<div class="article-author vcard"><div class="article-author-text">von <a class="fn" rel="author" href="/i">Jana Beispiel</a></div>' +
        ' <ul itemscope itemtype="http://schema.org/BreadcrumbList">in Rubrik: <li itemprop="itemListElement" itemscope><a itemprop="item" href="/x"><span itemprop="name">Autos</span></a></li></ul></div>',
    );
    expect(a.author).toBe('Jana Beispiel');
  });

  it('does not take a photo’s licence credit for the author', async () => {
    const a = await html(
      '<title>Test</title>',
      '<div class="photo-box"><span class="author-name"><a class="license-author" href="https://commons.example.org/f.jpg">Nina Fotografin</a></span></div><p>Autor <span>Kai Beispiel</span></p>',
    );
    expect(a.author).toBe('Kai Beispiel');
  });
});

describe('organisation credits', () => {
  it('takes the newsroom ("Redaktion") the page’s own metadata credits, only when nothing names a person', async () => {
    const ld = (name: string) =>
      `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Test","author":{"@type":"Person","name":"${name}"}}</script>`;
    expect((await html(`<title>Test</title>${ld('Redaktion')}`)).author).toBe('Redaktion');
    expect((await html(`<title>Test</title>${ld('Redaktion')}`, '<p class="byline">Von Jana Beispiel</p>')).author).toBe('Jana Beispiel');
    // A "Redaktion" menu entry on the page is no credit.
    expect((await html('<title>Test</title>', '<div class="author"><a href="/r">Redaktion</a></div>')).author).toBeNull();
  });

  it('takes the source a story credits at its end ("Quelle: …"), never a picture’s', async () => {
    expect((await html('<title>Test</title>', '', '<p>Quelle: Pressedienst Beispiel</p>')).author).toBe('Pressedienst Beispiel');
    expect((await html('<title>Test</title>', '', '<p>Quelle: Pixabay</p>')).author).toBeNull();
    expect((await html('<title>Test</title>', '', '<p>Quelle: Foto Beispiel</p>')).author).toBeNull();
  });
});

describe('choosing between sources', () => {
  it('keeps a first name that opens the host of the author’s own blog (heiko-mai.de), and still rejects the outlet’s short name', () => {
    expect(cleanByline('Heiko', { outlets: ['heiko-mai.de', 'heiko-mai'] })).toBe('Heiko');
    expect(cleanByline('Beispiel', { outlets: ['Beispiel Online'] })).toBeNull();
    expect(cleanByline('Beispielblatt', { outlets: ['beispielblatt.de'] })).toBeNull();
  });

  it('follows the meta author and the visible byline when both name another person than JSON-LD', async () => {
    const ld =
      '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Test","author":{"@type":"Person","name":"Erika Redakteurin"}}</script>';
    const both = await html(
      `<title>Test</title>${ld}<meta name="author" content="Jana Beispiel">`,
      '<p class="byline">Von Jana Beispiel</p>',
    );
    expect(both.author).toBe('Jana Beispiel');
    const one = await html(`<title>Test</title>${ld}<meta name="author" content="Jana Beispiel">`);
    expect(one.author).toBe('Erika Redakteurin');
  });

  it('reads a byline that follows the date and time ("06.11.2023 13:30 von Olga")', async () => {
    expect((await html('<title>Test</title>', '<h2>Stars <span>06.11.2023 13:30 von Olga</span></h2>')).author).toBe('Olga');
  });
});

describe('credits outside the byline', () => {
  it('takes a wire agency credited beside the headline, never one in a photo’s credit', async () => {
    expect((await html('<title>Test</title>', '<header><h1>Masks stolen</h1><p class="credit">JIJI</p></header>')).author).toBe('JIJI');
    expect(
      (
        await html(
          '<title>Test</title>',
          '<header><h1>Masks stolen</h1><figure><img src="x.jpg"><span class="credit">JIJI</span></figure></header>',
        )
      ).author,
    ).toBeNull();
  });

  it('names the person in a personal site’s copyright line when nothing else names an author, never a company', async () => {
    const footer = (holder: string) => `<footer><p class="copyrights-text">(c) ${holder} • Weitere Rechte siehe Impressum</p></footer>`;
    expect((await html('<title>Notizen</title>', footer('Johannes Beispiel'))).author).toBe('Johannes Beispiel');
    expect((await html('<title>Notizen</title>', footer('Beispiel Verlag GmbH'))).author).toBeNull();
    expect((await html('<title>Notizen</title>', `<p class="byline">Von Jana Muster</p>${footer('Johannes Beispiel')}`)).author).toBe(
      'Jana Muster',
    );
  });
});
