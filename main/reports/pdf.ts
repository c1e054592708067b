// PDF from Node (CLI, tests, benches): the report HTML printed by headless Chromium through
// playwright-core, JavaScript off and every request but data:/about: refused. The app prints the
// same HTML with Electron's printToPDF (main/shell/print.ts).
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { AppError } from '../../shared/errors';
import { writeFileAtomically } from './write';

export interface ChromiumPdfOptions {
  /** Chromium binary; default $CHROMIUM_PATH, else /usr/bin/chromium. */
  chromiumPath?: string;
  footerTemplate?: string;
  headerTemplate?: string;
  timeoutMs?: number;
}

export interface ChromiumPdfResult {
  pdf: Uint8Array;
  /** Every request the page tried to make (all refused); a clean report makes none. */
  requests: string[];
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const INLINE = /^(data|about):/i;

export function chromiumExecutable(explicit?: string): string {
  const candidate = explicit ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(candidate))
    throw new AppError('NOT_FOUND', `No Chromium found (looked for ${candidate}): set CHROMIUM_PATH or install chromium.`);
  return candidate;
}

async function launch(executablePath: string, timeout: number): Promise<Browser> {
  try {
    // Loaded on demand: only the command line prints through Chromium (the app uses printToPDF), and
    // playwright-core is a development dependency that the packaged app does not ship.
    const { chromium } = await import('playwright-core');
    return await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout });
  } catch (err) {
    throw new AppError(
      'INTERNAL',
      `Chromium (${executablePath}) did not start: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
    );
  }
}

/** Prints HTML to PDF bytes. */
export async function chromiumPdf(html: string, opts: ChromiumPdfOptions = {}): Promise<ChromiumPdfResult> {
  const timeout = opts.timeoutMs ?? 120_000;
  const browser = await launch(chromiumExecutable(opts.chromiumPath), timeout);
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (req) => {
      if (!INLINE.test(req.url())) requests.push(req.url());
    });
    await page.route('**/*', (route) => (INLINE.test(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));
    await page.setContent(html, { waitUntil: 'load', timeout });
    const displayHeaderFooter = Boolean(opts.footerTemplate || opts.headerTemplate);
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter,
      headerTemplate: opts.headerTemplate ?? '<span></span>',
      footerTemplate: opts.footerTemplate ?? '<span></span>',
    });
    return { pdf: new Uint8Array(pdf), requests };
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('INTERNAL', `Printing the report to PDF failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  } finally {
    await browser.close().catch(() => {});
  }
}

/** Prints HTML to a PDF file, written atomically (a failed print leaves no file behind). */
export async function renderPdf(html: string, outPath: string, opts: ChromiumPdfOptions = {}): Promise<ChromiumPdfResult> {
  const result = await chromiumPdf(html, opts);
  await writeFileAtomically(outPath, result.pdf);
  return result;
}
