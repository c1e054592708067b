// Classic XSS and exfiltration payloads, and the files that carry them into Claimdesk through every
// import format. Every payload that could run sets window.__xss (or parent.__xss) or opens a
// dialog; every one that could load something points at evil.example or file:.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeDocx } from '../fixtures/importers/make';

export const XSS_PAYLOADS: string[] = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '<svg onload="window.__xss=1"><circle r=1 /></svg>',
  '<a href="javascript:window.__xss=1">read more</a>',
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '<div style="background:url(https://evil.example/bg.png)">styled</div>',
  '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
  '<base href="https://evil.example/">',
  '&lt;script&gt;window.__xss=1&lt;/script&gt;',
  '&#60;img src=x onerror=window.__xss=1&#62;',
  '<body onload="window.__xss=1">',
  '<input autofocus onfocus="window.__xss=1">',
  '<details open ontoggle="window.__xss=1"><summary>x</summary></details>',
  '<object data="javascript:window.__xss=1"></object>',
  '<embed src="data:text/html,<script>parent.__xss=1</script>">',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=1">',
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '{@html "<img src=x onerror=window.__xss=1>"} {{constructor.constructor("window.__xss=1")()}}',
  '<img src="file:///etc/passwd">',
  '<video><source onerror="window.__xss=1"></video>',
  '<style>@import "https://evil.example/i.css";</style>',
  '[read more](javascript:window.__xss=1) ![pixel](https://evil.example/pixel.png)',
];

const JS_URL = 'javascript:window.__xss=1';
const TEXT = (p: string, i: number) => `Paragraph ${i + 1} of the hostile article quotes the spokesman, who said: ${p} and nothing else.`;

/** One file per import format, each carrying every payload in its metadata and body. */
export async function writeXssFiles(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {
    html: join(dir, 'hostile.html'),
    txt: join(dir, 'hostile.txt'),
    md: join(dir, 'hostile.md'),
    docx: join(dir, 'hostile.docx'),
    csv: join(dir, 'hostile-claims.csv'),
    json: join(dir, 'hostile-claimreview.json'),
  };
  await writeFile(files.html, hostileHtml());
  await writeFile(
    files.txt,
    `Title: Hostile text ${XSS_PAYLOADS[1]}\nAuthor: ${XSS_PAYLOADS[0]}\nURL: ${JS_URL}\nDate: 2024-10-25\n\n${XSS_PAYLOADS.map(TEXT).join('\n\n')}\n`,
  );
  await writeFile(
    files.md,
    `---\ntitle: "Hostile markdown ${XSS_PAYLOADS[2]}"\nauthor: "${XSS_PAYLOADS[3].replace(/"/g, "'")}"\nurl: ${JS_URL}\n---\n\n${XSS_PAYLOADS.map(TEXT).join('\n\n')}\n`,
  );
  await writeFile(
    files.docx,
    makeDocx({ paragraphs: XSS_PAYLOADS.map(TEXT), core: { title: `Hostile docx ${XSS_PAYLOADS[4]}`, creator: XSS_PAYLOADS[1] } }),
  );
  await writeFile(files.csv, hostileCsv());
  await writeFile(files.json, JSON.stringify(hostileClaimReview(), null, 2));
  return files;
}

function hostileHtml(): string {
  const body = XSS_PAYLOADS.map((p, i) => `<p>Paragraph ${i + 1}: the spokesman said ${p} in a statement.</p>`).join('\n');
  const encoded = XSS_PAYLOADS.map((p) => `<p>Quoted as text: ${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('\n');
  return `<!doctype html><html><head>
<title>Hostile page &lt;img src=x onerror=window.__xss=1&gt;</title>
<meta name="author" content="&lt;script&gt;window.__xss=1&lt;/script&gt;">
<meta property="og:image" content="https://evil.example/og.png">
<link rel="canonical" href="${JS_URL}">
<script>window.__xss=1</script>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Hostile <script>window.__xss=1</script>","author":{"name":"<img src=x onerror=window.__xss=1>"},"url":"${JS_URL}"}</script>
</head><body><article><h1>Hostile headline <svg onload=window.__xss=1></h1>
${body}
${encoded}
</article></body></html>`;
}

const csvCell = (s: string) => `"${s.replace(/"/g, '""')}"`;

function hostileCsv(): string {
  const rows = XSS_PAYLOADS.map((p, i) =>
    [`Claim ${i + 1}: ${p}`, `Claimant ${p}`, '2024-10-25', 'false', `Because ${p}`, p, JS_URL, `tag${i};${p.slice(0, 60)}`, `Note ${p}`]
      .map(csvCell)
      .join(','),
  );
  return `statement,claimant,date,verdict,explanation,quote,url,tags,notes\n${rows.join('\n')}\n`;
}

function hostileClaimReview(): unknown[] {
  return XSS_PAYLOADS.map((p, i) => ({
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: JS_URL,
    claimReviewed: `Review ${i + 1}: ${p}`,
    datePublished: '2024-10-26',
    itemReviewed: {
      '@type': 'Claim',
      author: { '@type': 'Person', name: `Speaker ${p}` },
      datePublished: '2024-10-25',
      appearance: [{ '@type': 'CreativeWork', url: JS_URL, headline: p }],
    },
    reviewRating: { '@type': 'Rating', ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: `False ${p}` },
    author: { '@type': 'Organization', name: p },
  }));
}
