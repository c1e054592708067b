// Security audit in the renderer: nothing leaves the app (no navigation, window or request), and
// hostile articles and claims, imported through every format, are shown as text in every view.
// The harness itself fails any test whose page requests anything outside the app.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './harness';
import { XSS_PAYLOADS, writeXssFiles } from './security-xss-corpus';
import { ReportField } from '../../shared/domain';
import { buildReportModel } from '../../main/reports/build-model';
import { renderReportHtml } from '../../main/reports/html';
import { chromiumPdf } from '../../main/reports/pdf';

test.use({ seedSample: false });

/** Records script that should never run: window.__xss, dialogs, and CSP violations (markup that got in). */
async function installTraps(page: Page): Promise<{ dialogs: string[]; requests: string[] }> {
  const seen = { dialogs: [] as string[], requests: [] as string[] };
  const origin = new URL(page.url()).origin;
  page.on('dialog', (d) => {
    seen.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  // Context-wide: also catches requests from any popup the page might open.
  page.context().on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) seen.requests.push(r.url());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.reload();
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  return seen;
}

async function trapState(page: Page) {
  return page.evaluate(() => {
    const w = window as unknown as { __xss?: unknown; __cspViolations: string[] };
    // The report preview is the app's own iframe, fully sandboxed (no scripts, no requests); any other is injected.
    const injected = document.querySelectorAll(
      'script:not([src]), iframe:not([sandbox=""][srcdoc]), object, embed, base, meta[http-equiv="refresh" i], [onerror], [onload], [onfocus], [ontoggle], a[href^="javascript:" i], link[href^="http"]',
    ).length;
    return { xss: w.__xss, cspViolations: w.__cspViolations, injected };
  });
}

const mainNav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true });

test('window.open, links and navigation away from the app make no request', async ({ app }) => {
  const { page } = app;
  const appUrl = page.url();
  const seen = await installTraps(page);
  const popups: string[] = [];
  page.context().on('page', (p) => popups.push(p.url()));

  expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await page.evaluate(() => window.location.assign('file:///etc/passwd'));
  await page.evaluate(() => {
    for (const [href, target] of [
      ['https://example.com/a', '_blank'],
      ['https://example.com/b', ''],
      ['file:///etc/passwd', ''],
    ]) {
      const a = Object.assign(document.createElement('a'), { href, target, textContent: 'link' });
      document.body.append(a);
      a.click();
      a.remove();
    }
  });
  await page.waitForTimeout(500);

  expect(page.url()).toBe(appUrl);
  expect(popups).toEqual([]);
  expect(seen.requests).toEqual([]);
  await expect(mainNav(page, 'Library')).toBeVisible(); // still the working app
});

test('hostile articles and claims from every format are shown as text, and run nothing', async ({ app }) => {
  const { page } = app;
  const seen = await installTraps(page);
  const dir = await mkdtemp(join(tmpdir(), 'claimdesk-xss-'));
  try {
    const files = await writeXssFiles(dir);
    const summary = await app.services.imports.importPaths(Object.values(files));
    expect(summary.failed).toEqual([]);
    const claims = app.services.archive.claims.list({ sort: 'createdAt', order: 'asc', offset: 0, limit: 5_000 });
    expect(claims.total).toBeGreaterThanOrEqual(40); // the CSV and ClaimReview claims at least
    await page.reload();
    await expect(page.locator('body[data-ready="true"]')).toBeAttached();

    // Every article in the reader.
    await mainNav(page, 'Library').click();
    const articles = page.getByRole('list', { name: 'Articles' }).getByRole('listitem');
    await expect(articles).toHaveCount(4); // html, txt, md, docx
    for (let i = 0; i < 4; i++) {
      await articles.nth(i).getByRole('button').first().click();
      await expect(page.locator('article h1')).toBeVisible();
      await page.getByRole('button', { name: 'Back to library' }).click();
    }
    // The plain-text article shows the payloads literally.
    await articles.filter({ hasText: 'Hostile text' }).getByRole('button').first().click();
    await expect(page.locator('article')).toContainText('<script>window.__xss=1</script>');
    await expect(page.locator('article h1')).toContainText('<img src=x onerror="window.__xss=1">');

    // The claims table, the entities and the reports.
    await mainNav(page, 'Claims').click();
    const claimsGrid = page.getByRole('grid', { name: 'Claims' }).or(page.getByRole('table', { name: 'Claims' }));
    await expect(claimsGrid).toContainText('window.__xss=1');
    // A hostile search query is words to look for, nothing more.
    await page.getByRole('searchbox', { name: 'Search claims' }).fill('<script>window.__xss=1</script>');
    await expect(claimsGrid).toContainText('<script>window.__xss=1</script>');
    await mainNav(page, 'Entities').click();
    await expect(page.getByRole('heading', { name: 'Entities', level: 1 })).toBeVisible();
    await mainNav(page, 'Reports').click();
    await page.waitForTimeout(300);

    expect(await trapState(page)).toEqual({ xss: undefined, cspViolations: [], injected: 0 });
    expect(seen.dialogs).toEqual([]);
    expect(seen.requests).toEqual([]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a report of hostile claims prints as text and loads nothing, even with JavaScript on', async ({ app, browser }) => {
  const dir = await mkdtemp(join(tmpdir(), 'claimdesk-xss-report-'));
  try {
    const files = await writeXssFiles(dir);
    expect((await app.services.imports.importPaths(Object.values(files))).failed).toEqual([]);
    const model = await buildReportModel(app.services.archive, {
      search: {},
      fields: [...ReportField.options],
      verifiable: true,
      title: `Report ${XSS_PAYLOADS[0]}`,
      author: XSS_PAYLOADS[1],
      organisation: XSS_PAYLOADS[4],
      intro: XSS_PAYLOADS.join('\n\n'),
    });
    expect(model.claims.length).toBeGreaterThanOrEqual(40);
    const html = renderReportHtml(model);

    // Stricter than the app, which prints with JavaScript off: here it is on, and nothing may run.
    const context = await browser.newContext({ javaScriptEnabled: true, offline: true });
    const page = await context.newPage();
    const requests: string[] = [];
    const dialogs: string[] = [];
    context.on('request', (r) => {
      if (!/^(data|about):/.test(r.url())) requests.push(r.url());
    });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.route('**/*', (route) => (/^(data|about):/.test(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));
    await page.setContent(html, { waitUntil: 'load' });
    await expect(page.locator('body')).toContainText('<script>window.__xss=1</script>');
    const state = await page.evaluate(() => ({
      xss: (window as unknown as { __xss?: unknown }).__xss,
      injected: document.querySelectorAll(
        'script:not([type="application/ld+json"]), iframe, object, embed, base, meta[http-equiv="refresh" i], [onerror], [onload], [onfocus], [ontoggle], a[href^="javascript:" i], link[href^="http"]',
      ).length,
    }));
    await context.close();
    expect(state).toEqual({ xss: undefined, injected: 0 });
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([]);

    // The PDF itself, printed as the CLI prints it.
    const printed = await chromiumPdf(html);
    expect(printed.requests).toEqual([]);
    expect(Buffer.from(printed.pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
