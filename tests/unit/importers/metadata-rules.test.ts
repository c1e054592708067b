// Issue #16: article metadata as a reader would state it, one rule per test, on small made-up pages.
import { describe, expect, it } from 'vitest';
import { parseBytes } from '../../../main/importers/parse';
import type { ParsedArticle } from '../../../main/importers/types';
import { cleanByline, isAccountName } from '../../../main/importers/meta/byline';
import { normaliseDate } from '../../../main/importers/meta/dates';
import { pickTitle, stripSiteName } from '../../../main/importers/meta/title';
import { makeDocx } from '../../fixtures/importers/make';

const BODY =
  '<p>The regional council approved the new tram line on Monday after a debate that lasted most of the day, officials said.</p>' +
  '<p>Construction is expected to start next year and the first trams should run within four years, according to the plan.</p>' +
  '<p>Opponents said the cost estimate was too low and asked for an independent review before any contract is signed.</p>';

async function html(head: string, body = ''): Promise<ParsedArticle> {
  const page = `<!doctype html><html lang="en"><head>${head}</head><body>${body}<article>${BODY}</article></body></html>`;
  const parsed = await parseBytes('page.html', new TextEncoder().encode(page));
  if (parsed.kind !== 'article') throw new Error('expected an article');
  return parsed.article;
}

describe('bylines', () => {
  it.each([
    ['ByTravis Haney', 'Travis Haney'],
    ['By: Drew Dietsch', 'Drew Dietsch'],
    ['Julia Horowitz @juliakhorowitz November 29, 2016: 3:42 PM ET', 'Julia Horowitz'],
    ['Saibal Dasgupta / TNN / Updated: Oct 9, 2019, 11:05 IST', 'Saibal Dasgupta'],
    ['Pete Evans · CBC News · Posted: Jan 5, 2020 4:00 AM ET', 'Pete Evans'],
    ['Gina TrapaniCEO', 'Gina Trapani'],
    ['Jane Doe, Senior Correspondent', 'Jane Doe'],
    ['Von Anna Müller', 'Anna Müller'],
    ['Par Jean Dupont', 'Jean Dupont'],
    ['Por María García', 'María García'],
    ['Veröffentlicht vonChris Jung', 'Chris Jung'],
    ['Nicole Collignon22. Februar 2020', 'Nicole Collignon'],
    ['Georg Quaas, 21. Jan. 2015', 'Georg Quaas'],
    ['Redacci&oacute;n Central', 'Redacción Central'],
    ['AuthorAndreas Kalt', 'Andreas Kalt'],
    ['SHOW ALL ARTICLES OFHeiko Sauer', 'Heiko Sauer'],
    ['Datum: 19.11.2021 Autor: Fritz ImhofQuelle: Livenet', 'Fritz Imhof'],
    ['Inga HoeltmannFollow', 'Inga Hoeltmann'],
    ['Posted on September 21, 2020 by Adi Tal', 'Adi Tal'],
    ['11.12.2019 - Amelie Lorenz', 'Amelie Lorenz'],
    ['05.02.2020 - Redaktion: Eberhard Fink (Pressesprecher)', 'Eberhard Fink'],
    ['Par Jean Dupont, envoyé spécial à Kyiv', 'Jean Dupont'],
    [', par Jean Dupont', 'Jean Dupont'],
    ['| By Jane Doe', 'Jane Doe'],
    ['/ Cory Example', 'Cory Example'],
    ['View all posts by Daniel Example', 'Daniel Example'],
    ['Zeige alle Beiträge von Petra Beispiel', 'Petra Beispiel'],
    ['Pressemitteilung von Katja Beispiel', 'Katja Beispiel'],
    ['Autor/in: Korinna Beispiel', 'Korinna Beispiel'],
    ['Text & Fotos: Ivan Example', 'Ivan Example'],
    ['Piše: P. Primjer prije 26 minuta', 'P. Primjer'],
    ['Jane Doe 3 hours ago', 'Jane Doe'],
    ['Inga BeispielFollowTransformationsbegleiterin, Expertin für Neue Arbeit und Neues Lernen', 'Inga Beispiel'],
    [
      'Posted by Nathan Example, Varun Example, Eric Example and Kiran C Example - Chrome Safe Browsing team',
      'Nathan Example; Varun Example; Eric Example; Kiran C Example',
    ],
    // One organisation's name with "und" in it is not two authors.
    ['Bundesministerium für Wirtschaft und Klimaschutz', 'Bundesministerium für Wirtschaft und Klimaschutz'],
    ['Jane Doe, senior writer at Example Weekly', 'Jane Doe'],
    ['Maria de Souza, de Lisboa', 'Maria de Souza, de Lisboa'],
    ['Jane Doe · 3 min read', 'Jane Doe'],
    ['Anna Müller Lesezeit: 4 Min.', 'Anna Müller'],
    ['By JANE DOE', 'Jane Doe'],
    ["JEAN-PIERRE O'NEIL", "Jean-Pierre O'Neil"],
    ['Von ANNA MÜLLER und PETER SCHMIDT', 'Anna Müller; Peter Schmidt'],
    ['CBS NEWS', 'CBS NEWS'],
  ])('cleans %j to %j', (raw, name) => {
    expect(cleanByline(raw)).toBe(name);
  });

  it('keeps a wire agency credited after the name as an author of its own, so the article is marked as the agency’s', async () => {
    expect(cleanByline('Jane Doe, Reuters')).toBe('Jane Doe; Reuters');
    const a = await html('<title>Tram line approved</title><meta name="author" content="Jane Doe, Reuters">');
    expect(a.author).toBe('Jane Doe; Reuters');
    expect(a.wireAgency).toBe('Reuters');
  });

  it('turns "and"-joined and comma lists into several authors joined with "; "', () => {
    expect(cleanByline('By Jane Doe and John Roe')).toBe('Jane Doe; John Roe');
    expect(cleanByline('Von Lars Fischer und Alina Schadwinkel')).toBe('Lars Fischer; Alina Schadwinkel');
    expect(cleanByline('Ann Lee, Bo Chan & Carl Diaz')).toBe('Ann Lee; Bo Chan; Carl Diaz');
  });

  it('rejects boilerplate, bare dates and the outlet itself', () => {
    expect(cleanByline('Posted on')).toBeNull();
    expect(cleanByline('No Author')).toBeNull();
    // Link labels in an author box ("<a class=author-url>WEBSITE</a>"), "Gast" (guest): no one's name.
    for (const label of ['WEBSITE', 'Homepage', 'Webseite', 'Profil', 'Kontakt', 'Gast', 'publisher', 'Publiziert', 'Artikel von'])
      expect(cleanByline(label)).toBeNull();
    // A time, a picture's credit, a stock-photo agency, the site theme's credit: no author.
    for (const junk of ['10:19 Uhr', 'Fotos: Ivan Example', 'istockphoto', 'Getty Images', 'ThemeGrill. Bereitgestellt von'])
      expect(cleanByline(junk)).toBeNull();
    expect(cleanByline('Anna Getty')).toBe('Anna Getty');
    expect(cleanByline('Gast Schmitt')).toBe('Gast Schmitt');
    expect(cleanByline('March 3, 2024')).toBeNull();
    expect(cleanByline('https://example.org/staff/jane')).toBeNull();
    expect(cleanByline('Example Gazette', { outlets: ['Example Gazette'] })).toBeNull();
    expect(cleanByline('examplegazette.com', { outlets: ['examplegazette.com'] })).toBeNull();
  });

  it('knows account names ("adam", "vdk18") from names', () => {
    expect(isAccountName('adam')).toBe(true);
    expect(isAccountName('vdk18')).toBe(true);
    expect(isAccountName('Adam Smith')).toBe(false);
    expect(cleanByline('vdk18', { rejectAccounts: true })).toBeNull();
  });

  it('prefers the JSON-LD person over a meta author that is the outlet', async () => {
    const a = await html(
      `<meta property="og:site_name" content="Tram Times"><meta name="author" content="Tram Times">
       <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"Person","@id":"#p1","name":"Ola Nordmann"},
       {"@type":"NewsArticle","headline":"Tram line approved","author":{"@id":"#p1"},"publisher":{"@type":"Organization","name":"Tram Times"}}]}</script>`,
    );
    expect(a.author).toBe('Ola Nordmann');
    expect(a.outlet).toBe('Tram Times');
  });

  it('prefers a person named anywhere on the page over an organisation in the meta author', async () => {
    const a = await html('<meta name="author" content="Example Verlag GmbH">', '<span class="byline">By Kim Park</span>');
    expect(a.author).toBe('Kim Park');
    const org = await html('<meta name="author" content="Example Verlag GmbH">');
    expect(org.author).toBe('Example Verlag GmbH');
  });

  it('reads a visible byline: an author-classed element, then a "Von ..." line', async () => {
    expect((await html('<title>Tram</title>', '<div class="post-author">By <a href="/u/1">Kim Park</a></div>')).author).toBe('Kim Park');
    expect((await html('<title>Tram</title>', '<p><span>Von Anna Müller</span></p>')).author).toBe('Anna Müller');
    expect((await html('<title>Tram</title>', '<h5>Autor:</h5> Peter Maahn <br>')).author).toBe('Peter Maahn');
  });

  it('reads the byline inside a post block even when the blog wraps posts in a widget', async () => {
    const a = await html(
      '<title>Tram</title>',
      '<div class="widget Blog"><div class="post hentry"><div class="post-footer"><span class="post-author vcard">Posted by <span class="fn">Ned Example</span></span></div></div></div>',
    );
    expect(a.author).toBe('Ned Example');
  });

  it.each([
    ['<p>Blog Beitrag von Margarita Beispiel</p>', 'Margarita Beispiel'],
    ['<p><em>Text von Christian Beispiel &nbsp; Illustration von Markus Zeichner</em></p>', 'Christian Beispiel'],
    ['<div class="news-meta">05.02.2020 <span>- Redaktion: Eberhard Beispiel (Pressesprecher)</span></div>', 'Eberhard Beispiel'],
  ])('reads the name after a byline label inside a line: %s', async (body, author) => {
    expect((await html('<title>Tram</title>', body)).author).toBe(author);
  });

  it('reads a byline inside a layout that merely has a sidebar (layout classes are not a sidebar block)', async () => {
    const wrap = (cls: string) =>
      `<div class="${cls}"><div class="signature"><span>Par&nbsp;<a href="/a">Matthieu Exemple</a></span> <span>le 07 Mai 2020</span></div></div>`;
    for (const cls of ['panel-display zen-one-sidebar-second', 'layoutTwoColumnsRightSidebar', 'main no-sidebars']) {
      const a = await html('<title>Tram</title>', wrap(cls));
      expect(a.author).toBe('Matthieu Exemple');
      expect(a.published).toBe('2020-05-07');
    }
    expect((await html('<title>Tram</title>', `<aside class="sidebar">${wrap('x')}</aside>`)).author).toBeNull();
  });

  it('names the owner of a personal site when nothing else names an author', async () => {
    expect((await html('<title>Zeitphilosophie – Dr. Alexander Beispiel</title>')).author).toBe('Alexander Beispiel');
    expect((await html('<meta property="og:site_name" content="Wolfgang Beispiel"><title>Sorgfalt</title>')).author).toBe(
      'Wolfgang Beispiel',
    );
    expect((await html('<meta property="og:site_name" content="Wolfgang Beispiel">', '<p class="byline">By Kim Park</p>')).author).toBe(
      'Kim Park',
    );
    expect(
      (await html('<meta property="og:site_name" content="Stadtwerke Beispiel"><title>Tram | Stadtwerke Beispiel</title>')).author,
    ).toBeNull();
    expect((await html('<meta property="og:site_name" content="Marina Media GmbH">')).author).toBe(null);
  });

  it('gives the outlet as author when the article’s own byline names it, never another article’s byline in a list beside it ("aside secondary", "liste articles")', async () => {
    const own = await html(
      '<meta property="og:site_name" content="Attac Exemple"><title>Les privatisations – Attac Exemple</title>',
      '<h1>Les privatisations</h1><div class="publication">jeudi 13 juin 2019<span class="authors"><span class="sep">, </span> par <span class="vcard author"><a class="url fn" href="auteur/attac">Attac Exemple</a></span></span></div>' +
        '<div class="aside secondary"><div class="liste articles"><p><a href="/a">Autre article <small>(<span class="vcard author"><a class="url fn" href="auteur/collectif">Collectif</a></span>)</small></a></p></div></div>',
    );
    expect(own.author).toBe('Attac Exemple');
    // A person in the byline is the author, not the outlet.
    const person = await html(
      '<meta property="og:site_name" content="Attac Exemple">',
      '<span class="authors">par <span class="vcard author"><a class="url fn" href="auteur/jd">Jean Dupont</a></span></span>',
    );
    expect(person.author).toBe('Jean Dupont');
  });

  it('reads date and byline of a Drupal article node even inside a pane whose class says "menu"', async () => {
    const body =
      '<div class="panel-pane pane-taxomenu-1"><div class="node node-type-live-article"><div class="meta"><span>Datum:</span> 19.11.2021 <br><span>Autor:</span> Fritz Beispiel<br><span>Quelle:</span> Livenet</div></div></div>';
    const a = await html('<title>Tram</title>', body);
    expect([a.author, a.published]).toEqual(['Fritz Beispiel', '2021-11-19']);
    const teaser = await html(
      '<title>Tram</title>',
      '<div class="menu"><div class="node node-type-article node-teaser"><p>Von Otto Teaser</p></div></div>',
    );
    expect(teaser.author).toBeNull();
  });

  it('takes a meta author that describes a magazine ("L-MAG – Das Magazin für Lesben") for the outlet, and reads the visible byline', async () => {
    const a = await html(
      '<meta name="author" content="L-MAG – Das Magazin für Lesben"><title>Gedenken</title>',
      '<p class="bodytext">Von Claudia Beispiel</p>',
    );
    expect(a.author).toBe('Claudia Beispiel');
  });

  it('reads a story signed with the author’s name at its end, and a "date - name" line under the headline', async () => {
    const signed = await parseBytes(
      's.html',
      new TextEncoder().encode(`<html><body><article>${BODY}<p><b><i>Stefan Lorenz</i></b></p></article></body></html>`),
    );
    expect(signed.kind === 'article' && signed.article.author).toBe('Stefan Lorenz');
    const ended = await parseBytes(
      'e.html',
      new TextEncoder().encode(`<html><body><article>${BODY}<p>Weitere Informationen</p></article></body></html>`),
    );
    expect(ended.kind === 'article' && ended.article.author).toBeNull();
    expect((await html('<title>Variablen</title>', '<h1>Variablen</h1><p class="text-muted">11.12.2019 - Marina Lorenz</p>')).author).toBe(
      'Marina Lorenz',
    );
  });

  it('reads the author from a link to their author page, not from a sidebar’s or a comment’s, nor a link that names no person', async () => {
    const linked = await html(
      '<title>Tram line approved</title>',
      '<header><h1>Tram line approved</h1><p>Posted on 3 May 2021 — <a href="/author/jane-doe/">Jane Doe</a></p></header>' +
        '<aside class="sidebar"><a href="/author/john-roe/">John Roe</a></aside>',
    );
    expect(linked.author).toBe('Jane Doe');
    const other = await html(
      '<title>Tram line approved</title>',
      '<header><h1>Tram line approved</h1><a href="/author/">All posts</a></header>' +
        '<div class="sidebar"><a href="/author/john-roe/">John Roe</a></div><div class="comments"><a href="/autor/max-muster/">Max Muster</a></div>',
    );
    expect(other.author).toBeNull();
  });

  it('takes no byline from comments', async () => {
    const a = await html('<title>Tram</title>', '<div class="comments"><div class="comment-author">By Troll Person</div></div>');
    expect(a.author).toBeNull();
  });
});

describe('titles', () => {
  it('cuts the site name learned from og:site_name', () => {
    expect(stripSiteName('Skiing in March | Blister', ['Blister'])).toBe('Skiing in March');
    expect(stripSiteName('Ten ideas - HelloGiggles', ['hellogiggles.com'])).toBe('Ten ideas');
    expect(stripSiteName('My paste - Pastebin.com', [])).toBe('My paste');
  });

  it('decodes entities escaped twice and drops a date before the headline', () => {
    expect(pickTitle({ stated: ['Minions malen &amp; bunte Farben'], documentTitle: null, headings: [], siteNames: [] })).toBe(
      'Minions malen & bunte Farben',
    );
    expect(pickTitle({ stated: ['23.01.2022 - Wierer darf noch jubeln'], documentTitle: null, headings: [], siteNames: [] })).toBe(
      'Wierer darf noch jubeln',
    );
  });

  it('keeps a colon or dash that belongs to the headline', () => {
    expect(stripSiteName('Histo-Monte: Stop in Rheinfelden - AutoSprintCH', ['AutoSprintCH'])).toBe('Histo-Monte: Stop in Rheinfelden');
  });

  it('takes the headline behind a blog breadcrumb ("Site » Blog Archiv » Post")', () => {
    expect(stripSiteName('Time 4 talks » Blog Archiv » Weitere Digitalisierung der Kinos', [])).toBe('Weitere Digitalisierung der Kinos');
    expect(stripSiteName('Weitere Digitalisierung der Kinos | Blog Archive | Time 4 talks', [])).toBe('Weitere Digitalisierung der Kinos');
  });

  it('cuts a Chinese or Japanese site name glued to the title', () => {
    expect(stripSiteName('武汉的声音：有英勇的你，才有英雄的城！-新华网', [])).toBe('武汉的声音：有英勇的你，才有英雄的城！');
    expect(stripSiteName('東京で大雨_NHKニュース', [])).toBe('東京で大雨');
    expect(stripSiteName('中国互联网络发展状况统计报告', [])).toBe('中国互联网络发展状况统计报告');
  });

  it('prefers the one visible headline when the social title words it slightly differently', () => {
    const t = pickTitle({
      stated: ['Minions mit Schablonen malen - mit Malerrolle & bunter Farbe'],
      documentTitle: 'Minions mit Schablonen malen - mit Malerrolle & bunter Farbe',
      headings: ['Papaganda', 'Minions mit Schablonen malen – mit Malerrolle und bunten Farben'],
      siteNames: ['Papaganda'],
    });
    expect(t).toBe('Minions mit Schablonen malen – mit Malerrolle und bunten Farben');
    const other = pickTitle({
      stated: ['Council approves the tram line'],
      documentTitle: null,
      headings: ['Weather warning for the weekend'],
      siteNames: [],
    });
    expect(other).toBe('Council approves the tram line');
  });

  it('learns a repeated suffix from <title> against og:title', () => {
    expect(
      pickTitle({
        stated: ['Design matters'],
        documentTitle: 'Design matters — Postlight — Digital Strategy',
        headings: [],
        siteNames: [],
      }),
    ).toBe('Design matters');
  });

  it('drops the short site part behind a strong separator when nothing else names the site', () => {
    expect(pickTitle({ stated: [], documentTitle: 'What is viral marketing? | DimidoBlog', headings: [], siteNames: [] })).toBe(
      'What is viral marketing?',
    );
  });

  it('prefers the headline a reader sees over the social title, without its kicker', async () => {
    const a = await html(
      '<title>Budget: Tram line approved | City News</title><meta property="og:title" content="Budget: Tram line approved"><meta property="og:site_name" content="City News">',
      '<h1><span class="kicker">Budget</span><span class="visually-hidden">: </span><span>Tram line approved</span></h1>',
    );
    expect(a.title).toBe('Tram line approved');
  });

  it.each([
    [
      '<h1><span class="h1small">Initiative EnergieEffizienz</span> Kostenloser Stromcheck für Haushalte</h1>',
      'Kostenloser Stromcheck für Haushalte',
    ],
    ['<h1><span itemprop="headline"><small>Einheit der Woche</small><br>Lagen-Pyramide mit GA2</span></h1>', 'Lagen-Pyramide mit GA2'],
    [
      '<h1><a href="/t/1"><span class="label label--blue">Patch Notes</span> Patchnotes 4.47.4 - Bugfix Build</a></h1>',
      'Patchnotes 4.47.4 - Bugfix Build',
    ],
  ])('reads the headline without its kicker or label: %s', async (h1, title) => {
    expect((await html(`<title>${title} | Site</title>`, h1)).title).toBe(title);
  });

  it('uses the page title without the site when the <h1> is the site logo', async () => {
    const a = await html(
      '<title>Tram line approved - City News</title><meta property="og:site_name" content="City News">',
      '<h1>City News</h1>',
    );
    expect(a.title).toBe('Tram line approved');
  });

  it('does not take the site’s name set as a heading (a theme’s "site-title" linking home) for the headline', async () => {
    const masthead = '<header><h1 id="site-title"><a href="/" rel="home">Tram Fan Club – Weekly Notes</a></h1></header>';
    const a = await html(
      '<title>Tram line approved | Tram Fan Club – Weekly Notes</title>',
      `${masthead}<h1 class="entry-title">Tram line approved</h1>`,
    );
    expect(a.title).toBe('Tram line approved');
    const logo = '<h1 class="logo"><a href="https://example.org/">Tram Fan Club – Weekly Notes</a></h1>';
    const b = await html(
      '<title>Night trams start in May | Tram Fan Club – Weekly Notes</title>',
      `${logo}<h1>Night trams start in May</h1>`,
    );
    expect(b.title).toBe('Night trams start in May');
  });

  it('reads a headline without style text inside it', async () => {
    const a = await html('<title>Medienmitteilungen</title>', '<h1><style>.x{color:red}</style>Tram line approved</h1>');
    expect(a.title).toBe('Tram line approved');
  });
});

describe('dates', () => {
  it.each([
    ['9 settembre 2025', '2025-09-09'],
    ['15 июля 2025 г.', '2025-07-15'],
    ['25. Oktober 2024', '2024-10-25'],
    ['3 de março de 2021', '2021-03-03'],
    ['5 de enero de 2020', '2020-01-05'],
    ['12 février 2019', '2019-02-12'],
    ['14 października 2022', '2022-10-14'],
    ['Posted on March 3rd, 2024 by Ann', '2024-03-03'],
    ['2023年11月7日', '2023-11-07'],
    ['07.11.2023, 10:19 Uhr', '2023-11-07'],
    ['2019년 6월 24일', '2019-06-24'],
    ['Julkaistu 3. toukokuuta 2022', '2022-05-03'],
    ['3 Μαΐου 2022', '2022-05-03'],
    ['Objavljeno 3. svibnja 2022.', '2022-05-03'],
    ['3. septembar 2022.', '2022-09-03'],
    ["Publicat el 3 d'abril de 2022", '2022-04-03'],
    ['3 de maig de 2022', '2022-05-03'],
    ['Megjelent: 2022. május 3.', '2022-05-03'],
    ['3 Agustus 2022', '2022-08-03'],
  ])('reads %j', (text, day) => {
    expect(normaliseDate(text)).toBe(day);
  });

  it('does not read a month out of an ordinary word', () => {
    expect(normaliseDate('12 market 2020')).toBeNull();
  });

  it('reads a date stored as local midnight in UTC as the local day on a page read in Central European Time', async () => {
    const page = (lang: string) =>
      `<!doctype html><html lang="${lang}"><head><meta property="article:published_time" content="2022-11-06T23:00:00.000Z"></head><body><article>${BODY}</article></body></html>`;
    const parse = async (lang: string) => {
      const parsed = await parseBytes('page.html', new TextEncoder().encode(page(lang)));
      if (parsed.kind !== 'article') throw new Error('expected an article');
      return parsed.article.published;
    };
    expect(await parse('de')).toBe('2022-11-07');
    // Elsewhere the stated UTC time stands as written.
    expect(await parse('en-US')).toBe('2022-11-06T23:00:00.000Z');
  });

  it('reads JSON-LD whose strings hold raw line breaks (a pasted articleBody)', async () => {
    const ld =
      '{"@context":"https://schema.org","@type":"BlogPosting","headline":"Tram line","articleBody":"First line\nsecond\tline","author":{"@type":"Person","name":"Jacob Castell"}}'
        .replace('\\n', '\n')
        .replace('\\t', '\t');
    const a = await html(`<script type="application/ld+json">${ld}</script>`);
    expect(a.author).toBe('Jacob Castell');
  });

  it('keeps the time and zone of an RFC 2822 date ("Wed, 04 May 2022 02:41:00 GMT"), and its local day on an address that states it', async () => {
    expect(normaliseDate('Wed, 04 May 2022 02:41:00 GMT')).toBe('2022-05-04T02:41:00Z');
    expect(normaliseDate('4 May 2022 22:41 +0200')).toBe('2022-05-04T22:41:00+02:00');
    expect(normaliseDate('4 May 2022')).toBe('2022-05-04');
    const ld = {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Autos',
      datePublished: 'Wed, 04 May 2022 02:41:00 GMT',
    };
    const a = await html(
      `<script type="application/ld+json">${JSON.stringify(ld)}</script><link rel="canonical" href="https://news.example.org/2022/05/03/autos">`,
    );
    expect(a.published).toBe('2022-05-03');
  });

  it('keeps the time zone of the stated publication time', async () => {
    const a = await html('<meta property="article:published_time" content="2024-10-25T23:30:00-05:00">');
    expect(a.published).toBe('2024-10-25T23:30:00-05:00');
  });

  it('takes the original publication date, not the modified one', async () => {
    const a = await html(
      '<meta property="article:modified_time" content="2024-06-01T08:00:00Z">',
      '<p class="updated">Updated 1 June 2024</p><time class="published" datetime="2024-05-20T09:00:00+02:00">20 May 2024</time>',
    );
    expect(a.published).toBe('2024-05-20T09:00:00+02:00');
  });

  it('reads the date that opens the first paragraph ("27.1.2022 - Bei der …")', async () => {
    const long =
      'Bei der Erinnerung an die Verfolgten wurde am Donnerstag in der Innenstadt ein Stolperstein verlegt, teilten die Veranstalter mit. '.repeat(
        3,
      );
    const a = await html('<title>Gedenken</title>', `<p>27.1.2022 - ${long}</p>`);
    expect(a.published?.slice(0, 10)).toBe('2022-01-27');
  });

  it('does not take the date of an embedded post or of a related article’s teaser', async () => {
    const embed = await html(
      '<title>Urteil</title>',
      '<blockquote class="instagram-media"><p>Ein Post</p><time datetime="2018-03-12T19:30:12+00:00">Mär 12, 2018</time></blockquote><p class="date">Veröffentlicht am 29. Januar 2019</p>',
    );
    expect(embed.published?.slice(0, 10)).toBe('2019-01-29');
    const related = await html(
      '<title>Gewalt</title>',
      '<article class="node node-article view-mode-related-teaser"><time itemprop="dateCreated" datetime="2023-10-10T12:20:56+02:00">10. Okt 2023</time></article>' +
        '<article class="node node-article node-promoted view-mode-full"><aside class="meta"><time itemprop="datePublished" datetime="2023-10-18T11:45:00+02:00">18. Okt 2023</time></aside></article>',
    );
    expect(related.published).toBe('2023-10-18T11:45:00+02:00');
  });

  it('reads the date in the main column even when its class names the sidebar beside it, not in a real sidebar', async () => {
    const column = await html(
      '<title>Guinée</title>',
      '<div class="content_block right-sidebar"><h1>Un braconnier condamné</h1><div class="post_detail">27 Sep 2016</div></div>',
    );
    expect(column.published?.slice(0, 10)).toBe('2016-09-27');
    const sidebar = await html(
      '<title>Guinée</title>',
      '<h1>Un braconnier condamné</h1><div class="sidebar"><div class="post_detail">27 Sep 2016</div></div>',
    );
    expect(sidebar.published).toBeNull();
    // The headline above, the post below in a column named after its sidebar: the post's own wrapper
    // ("post_wrapper") makes its date the article's; a widget's date in the real sidebar still is not.
    const wrapped = await html(
      '<title>Guinée</title>',
      '<h1>Un braconnier condamné</h1><div class="sidebar_content"><div class="post_wrapper"><div class="post_detail">27 Sep 2016</div></div></div>' +
        '<div class="sidebar"><div class="widget"><span class="date">1 Oct 2016</span></div></div>',
    );
    expect(wrapped.published?.slice(0, 10)).toBe('2016-09-27');
    const widget = await html(
      '<title>Guinée</title>',
      '<h1>Un braconnier condamné</h1><div class="sidebar_content"><div class="recent"><div class="post_detail">27 Sep 2016</div></div></div>',
    );
    expect(widget.published).toBeNull();
  });

  it('reads the article’s meta line even when its class names a teaser ("teaser_text_meta"), never a comment’s meta line', async () => {
    const own = await html(
      '<title>Coronalage</title>',
      '<div class="beitrag"><h1>Bericht zur Coronalage</h1><div class="teaser_text_meta"><a href="/autor/frank">Gunter Frank</a> / 22.04.2020 / 06:15</div></div>',
    );
    expect(own.published).toBe('2020-04-22');
    const comment = await html(
      '<title>Podcast</title>',
      '<h1>Sternfusion</h1><ol class="comment-list"><li><article class="comment-body"><footer class="comment-meta"><time datetime="2019-08-24T03:36:11+02:00">24. August 2019</time></footer></article></li></ol>',
    );
    expect(comment.published).toBeNull();
  });

  it('reads a site’s own publication-date meta name, never a modified one', async () => {
    expect((await html("<meta name='sw-pubdate' content='2021-11-19'><title>Betreuung</title>")).published?.slice(0, 10)).toBe(
      '2021-11-19',
    );
    expect((await html("<meta name='sw-update-pubdate' content='2021-11-25'><title>Betreuung</title>")).published).toBeNull();
  });

  it('does not take a photo’s JSON-LD record for the article’s date', async () => {
    const ld = {
      '@context': 'https://schema.org',
      '@type': 'ImageObject',
      author: 'dpa/Photographer',
      name: 'Kunstwerk',
      datePublished: '2023-11-01',
    };
    const a = await html(
      `<script type="application/ld+json">${JSON.stringify(ld)}</script><meta property="article:published_time" content="2023-11-06T18:19+01:00"><title>Recherche</title>`,
    );
    expect(a.published).toBe('2023-11-06T18:19+01:00');
  });

  it('reads the date from the URL when the page states none', async () => {
    const a = await html('<link rel="canonical" href="https://news.example.org/2021/04/09/tram-line">');
    expect(a.published).toBe('2021-04-09');
  });

  it('reads a dateline whose parts the page separates with entities ("11. November&nbsp;2021")', async () => {
    const a = await html('<title>Preis vergeben</title>', '<p>Hofheim am Taunus | Wiesbaden, 11. November&nbsp;2021&nbsp;&nbsp;</p>');
    expect(a.published).toBe('2021-11-11');
  });

  it('reads the date that opens a long paragraph in parentheses ("(21. November 2022) Energieverbraucher …")', async () => {
    const long = 'Energieverbraucher erhalten eine Preiserhöhung nach der nächsten, und die Grundversorger legen weiter nach. '.repeat(4);
    const a = await html(
      '<title>Energiepreiskrise</title>',
      `<p>(21. November&nbsp;2022) ${long}</p><p>Seit dem 1. Oktober 2022 gilt eine Umlage.</p>`,
    );
    expect(a.published).toBe('2022-11-21');
  });

  it('takes the local day the article’s address states over a UTC time that crossed midnight, and only then', async () => {
    const evening = await html(
      '<link rel="canonical" href="https://news.example.org/2020/02/17/tram-line/"><meta property="article:published_time" content="2020-02-18T02:18:11Z">',
    );
    expect(evening.published).toBe('2020-02-17');
    const morning = await html(
      '<link rel="canonical" href="https://news.example.org/2020/02/17/tram-line/"><meta property="article:published_time" content="2020-02-18T14:18:11Z">',
    );
    expect(morning.published).toBe('2020-02-18T14:18:11Z');
    const stated = await html(
      '<link rel="canonical" href="https://news.example.org/2020/02/17/tram-line/"><meta property="article:published_time" content="2020-02-18T02:18:11-05:00">',
    );
    expect(stated.published).toBe('2020-02-18T02:18:11-05:00');
  });

  it('reads "3/5/2022" in the order the page’s language writes dates, and not at all when the language does not say', async () => {
    const page = async (lang: string) => {
      const doc = `<!doctype html><html lang="${lang}"><head><title>Autos</title></head><body><h1>Autos</h1><span class="date">3/5/2022 22:41</span><article>${BODY}</article></body></html>`;
      const parsed = await parseBytes('page.html', new TextEncoder().encode(doc));
      if (parsed.kind !== 'article') throw new Error('expected an article');
      return parsed.article.published;
    };
    expect(await page('es')).toBe('2022-05-03');
    expect(await page('en-GB')).toBe('2022-05-03');
    expect(await page('en-US')).toBe('2022-03-05');
    expect(await page('en')).toBeNull();
  });

  it('takes the local day the page shows over a UTC time that crossed midnight', async () => {
    const doc =
      '<!doctype html><html lang="es"><head><meta property="article:published_time" content="2022-05-04T02:41:00Z"><title>Autos</title></head>' +
      `<body><h1>Autos</h1><span class="date">3/5/2022 22:41</span><article>${BODY}</article></body></html>`;
    const parsed = await parseBytes('page.html', new TextEncoder().encode(doc));
    expect(parsed.kind === 'article' && parsed.article.published).toBe('2022-05-03');
  });

  it('reads a visible date in the page’s language, not a comment’s date', async () => {
    const a = await html(
      '<title>Tram</title>',
      '<div class="meta">Pubblicato il 9 settembre 2025</div><div id="comments"><p>10 settembre 2025</p></div>',
    );
    expect(a.published).toBe('2025-09-09');
  });
});

describe('dates a reader sees in the article’s header', () => {
  it('reads a two-digit year beside the headline or after the byline, never elsewhere', async () => {
    const beside = await html(
      '<title>Debate</title>',
      '<header><span style="color:red">02.12.19</span><h1>What is on the cards for the commission?</h1></header>',
    );
    expect(beside.published).toBe('2019-12-02');
    const byline = await html(
      '<title>Koalition</title>',
      '<p class="morespace">von <a rel="author" href="/author/kps">Klaus-Peter Schöppner</a>, 8.5.12</p>',
    );
    expect(byline.published).toBe('2012-05-08');
    // A version number in the text is no date, and a full date stated anywhere wins over a short one.
    expect((await html('<title>Release</title>', '<p>Version 1.2.10 fixes the tram timetable.</p>')).published).toBeNull();
    const full = await html('<title>Debate</title>', '<span>02.12.19</span><h1>Cards</h1><p class="date">3 December 2019</p>');
    expect(full.published).toBe('2019-12-03');
  });

  it('reads the date in an opinion piece’s header even when its class says "Comment"', async () => {
    const a = await html(
      '<title>Urteil</title>',
      '<article class="ArticleHeaderComment"><h1 class="ArticleHeaderComment_headline">Was sich ändert</h1><div class="PublishDate ArticleHeaderComment_publishDate"><span>Dienstag,</span> <span>29. Januar 2019</span></div></article>' +
        '<div class="comments"><p class="comment-date">30. Januar 2019</p></div>',
    );
    expect(a.published).toBe('2019-01-29');
  });

  it('reads the date of a hero caption that holds the headline, not of a photo caption', async () => {
    const hero = await html(
      '<title>Trainer</title>',
      '<figure><img src="x.jpg" alt=""><figcaption><small>31.01.2022 2. HBL</small><h1>Neuer Cheftrainer</h1></figcaption></figure>',
    );
    expect(hero.published).toBe('2022-01-31');
    const photo = await html(
      '<title>Trainer</title>',
      '<h1>Neuer Cheftrainer</h1><figure><img src="x.jpg" alt=""><figcaption>Archivbild vom 12.03.2018</figcaption></figure>',
    );
    expect(photo.published).toBeNull();
  });

  it('reads a JSON-LD block that has a stray closing brace after the article', async () => {
    const ld =
      '{"@context":"http://schema.org","@type":"NewsArticle","headline":"Direktor positiv","datePublished":"2020-10-26T18:10:00+01:00"}\n  }';
    const a = await html(
      `<script type="application/ld+json">${ld}</script><title>Direktor</title>`,
      '<p class="date">09.08.2020 u 10:52</p>',
    );
    expect(a.published).toBe('2020-10-26T18:10:00+01:00');
  });

  it('prefers the date shown beside the headline to a bare "date" meta, which sites fill with the last change', async () => {
    const a = await html(
      '<meta name="date" content="2020-02-12"><title>Lieferketten</title>',
      '<h1>Faire Lieferketten</h1><div class="news-single-timedata">05.02.2020 - Redaktion: Eberhard Fuhr</div>',
    );
    expect(a.published).toBe('2020-02-05');
    // With nothing visible, the meta still gives the day.
    expect((await html('<meta name="date" content="2020-02-12"><title>Lieferketten</title>')).published).toBe('2020-02-12');
  });

  it('reads the date a <time> labels as the publication’s ("Publié le …") over its machine time, and the machine time otherwise', async () => {
    const header = (shown: string) => `<header><h1>Grenades</h1><time datetime="2019-07-03T10:18:46Z">${shown}</time></header>`;
    expect((await html('<title>Grenades</title>', header('Publié le 29 juin 2019'))).published).toBe('2019-06-29');
    expect((await html('<title>Grenades</title>', header('Veröffentlicht am 29. Juni 2019'))).published).toBe('2019-06-29');
    expect((await html('<title>Grenades</title>', header('29 juin 2019'))).published).toBe('2019-07-03T10:18:46Z');
    expect((await html('<title>Grenades</title>', header('Publié il y a 3 jours'))).published).toBe('2019-07-03T10:18:46Z');
    // The same day: the machine time keeps its hour and zone.
    const sameDay = '<h1>Grenades</h1><time datetime="2019-06-29T10:00:00+02:00">Publié le 29 juin 2019</time>';
    expect((await html('<title>Grenades</title>', sameDay)).published).toBe('2019-06-29T10:00:00+02:00');
  });

  it('does not take today’s date from the site’s masthead', async () => {
    const a = await html(
      '<meta name="date" content="2017-05-01T17:05:00+0200"><title>Titanic</title>',
      '<header><nav><a href="/">Start</a></nav><h1><a href="/" class="logo">Radio</a></h1><span class="site-date">Mittwoch, 26.02.2020</span></header>',
    );
    expect(a.published).toBe('2017-05-01T17:05:00+0200');
  });
});

describe('outlet and wire agency', () => {
  it('names the outlet from the host when the page does not', async () => {
    const a = await html('<link rel="canonical" href="https://www.nytimes.com/2024/01/02/world/tram.html">');
    expect(a.outlet).toBe('The New York Times');
  });

  it('takes the agency from the article’s own dateline, never from a photo credit', async () => {
    const credited = await parseBytes(
      'p.html',
      new TextEncoder().encode(`<html><body><article><p>PARIS (AFP) - ${BODY.replace(/<\/?p>/g, ' ')}</p></article></body></html>`),
    );
    expect(credited.kind === 'article' && credited.article.wireAgency).toBe('AFP');
    const photo = await html('<title>Tram</title>', '<p>A tram in the city centre. Photo: Reuters</p>');
    expect(photo.wireAgency).toBeNull();
    expect(photo.author).toBeNull();
  });

  it('names the agency as the author of a wire story without a personal byline, and only then', async () => {
    const story = (byline: string) =>
      new TextEncoder().encode(
        `<html><body><article>${byline}<p>Hamburg (dpa/lno) – ${BODY.replace(/<\/?p>/g, ' ')}</p></article></body></html>`,
      );
    const wire = await parseBytes('w.html', story(''));
    expect(wire.kind === 'article' && [wire.article.author, wire.article.wireAgency]).toEqual(['dpa', 'dpa']);
    const signed = await parseBytes('s.html', story('<p class="byline">Von Anna Beispiel</p>'));
    expect(signed.kind === 'article' && [signed.article.author, signed.article.wireAgency]).toEqual(['Anna Beispiel', 'dpa']);
  });
});

describe('pages that do not start at <html>', () => {
  it.each([
    [
      'a PHP warning before the page',
      '<br /> <b>Warning</b>: mysql_connect(): Access denied in <b>/www/x.php</b><br />\n<!DOCTYPE html><html lang="en">',
    ],
    [
      'a style block before the page',
      '<style>.a{opacity:0}</style>\n<!--[if IE 7]><html class="ie7" lang="en"><![endif]--><html lang="en">',
    ],
    ['a doctype followed straight by <head>', '<!DOCTYPE html>'],
    // Sixty comments and no <html>: the first version of this rule backtracked exponentially on them and never returned.
    ['many comments and no <html> tag', '<!DOCTYPE html>' + '<!-- build 1 --> <!--[if IE]><![endif]-->'.repeat(30)],
  ])('reads text, byline and date of a page with %s', async (_, prefix) => {
    const page =
      `${prefix}<head><meta property="article:published_time" content="2022-01-24T15:47:15+01:00"><title>Trams approved</title></head>` +
      `<body><article><h1>Trams approved</h1><p class="byline">By Jane Doe</p>${BODY}</article></body></html>`;
    const parsed = await parseBytes('page.html', new TextEncoder().encode(page));
    expect(parsed.kind).toBe('article');
    if (parsed.kind !== 'article') return;
    expect(parsed.article.text).toContain('regional council approved the new tram line');
    expect(parsed.article.text).not.toContain('Warning');
    expect(parsed.article.author).toBe('Jane Doe');
    expect(parsed.article.published).toBe('2022-01-24T15:47:15+01:00');
  });
});

describe('a script between </head> and <body>', () => {
  it('reads the byline and the date in the page’s real body, which the parser puts after an empty one', async () => {
    const page =
      '<!doctype html><html lang="de"><head><title>Kinos</title></head><script>var tracker = 1;</script>' +
      `<body id="single"><div class="post"><h1>Kinos</h1><p class="postmetadata">Von R. R. am <a href="/2013/08/07/">7. August 2013</a></p>${BODY}</div></body></html>`;
    const parsed = await parseBytes('page.html', new TextEncoder().encode(page));
    if (parsed.kind !== 'article') throw new Error('expected an article');
    expect(parsed.article.author).toBe('R. R.');
    expect(parsed.article.published).toBe('2013-08-07');
  });
});

describe('head material printed before the page’s doctype', () => {
  it('reads the author and date from meta tags and JSON-LD a plugin printed before <!DOCTYPE>', async () => {
    const ld = {
      '@context': 'https://schema.org',
      '@type': 'Article',
      headline: 'Trams approved',
      author: { '@id': '/author/sd', name: 'Shana Doe' },
    };
    const page =
      `<style>.cta{color:#fff}</style>\n<meta name="twitter:data1" content="Shana Doe"><script type="application/ld+json">${JSON.stringify(ld)}</script>` +
      '<meta property="article:published_time" content="2023-11-06T08:00:15-08:00">\n<!DOCTYPE html>\n<!--[if lt IE 7]><html class="ie6" lang="en-US"><![endif]--><html lang="en-US">' +
      `<head><title>Trams approved | City Weekly</title><meta name="author" content="City Weekly"></head><body><article><h1>Trams approved</h1>${BODY}</article></body></html>`;
    const parsed = await parseBytes('page.html', new TextEncoder().encode(page));
    expect(parsed.kind === 'article' && [parsed.article.author, parsed.article.published]).toEqual([
      'Shana Doe',
      '2023-11-06T08:00:15-08:00',
    ]);
  });
});

describe('first names beyond English', () => {
  it.each([
    ['11.12.2019 - Amelie Loevenich', 'Amelie Loevenich'],
    ['25.10.2022 - Reiner Nagel', 'Reiner Nagel'],
  ])('reads the person in the line %j under the headline', async (line, author) => {
    expect((await html('<title>Variablen</title>', `<h1>Variablen</h1><p class="text-muted">${line}</p>`)).author).toBe(author);
  });

  it('does not take a date line naming a department for a person', async () => {
    expect(
      (await html('<title>Variablen</title>', '<h1>Variablen</h1><p class="text-muted">11.12.2019 - Stadtwerke Beispiel</p>')).author,
    ).toBeNull();
  });
});

describe('DOCX authors', () => {
  it.each([
    ['adam', null],
    ['vdk18', null],
    ['Ann Lee', 'Ann Lee'],
    ['By Ann Lee', 'Ann Lee'],
  ])('dc:creator %j gives author %j', async (creator, author) => {
    const docx = makeDocx({
      paragraphs: ['Lawmakers passed the budget on Friday after weeks of talks, officials said.'],
      core: { title: 'Budget passes', creator, created: '2024-03-01T08:00:00Z' },
    });
    const parsed = await parseBytes('b.docx', docx);
    expect(parsed.kind === 'article' && parsed.article.author).toBe(author);
  });
});
