// PDF printing adapter over webContents.printToPDF. The report HTML is printed in a hidden window
// with JavaScript off, no preload, and a CSP (inside the HTML) that loads nothing remote.
import { BrowserWindow, session } from 'electron';
import { printWebPreferences } from './policy';

export interface PdfOptions {
  footerTemplate?: string;
  headerTemplate?: string;
}

export async function printHtmlToPdf(html: string, opts: PdfOptions = {}): Promise<Uint8Array> {
  const printSession = session.fromPartition('claimdesk-print');
  // Belt and braces beside the report's own CSP: this session can fetch nothing but inline data.
  printSession.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !/^(data|about):/.test(details.url) });
  });
  const win = new BrowserWindow({ show: false, webPreferences: { ...printWebPreferences(), session: printSession } });
  try {
    await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
    const pdf = await win.webContents.printToPDF({
      pageSize: 'A4',
      // The report's own @page margins and full-page cover apply.
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: Boolean(opts.footerTemplate || opts.headerTemplate),
      headerTemplate: opts.headerTemplate ?? '<span></span>',
      footerTemplate: opts.footerTemplate ?? '<span></span>',
    });
    return new Uint8Array(pdf);
  } finally {
    win.destroy();
  }
}
