// Renders resources/icons/claimdesk.svg to the PNG, ICO and ICNS files electron-builder packages.
// Chromium draws the SVG (no ImageMagick needed); ICO and ICNS are simple containers of PNGs.
//   npx tsx scripts/make-icons.ts            (uses /usr/bin/chromium or $CHROMIUM_PATH)
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';

const ICONS_DIR = resolve(import.meta.dirname, '../resources/icons');
const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
// ICNS element types holding PNG data, by pixel size (Apple's "icns" format).
const ICNS_TYPES: [string, number][] = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
];

async function renderPngs(svg: string): Promise<Map<number, Buffer>> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    const pngs = new Map<number, Buffer>();
    for (const size of PNG_SIZES) {
      await page.setViewportSize({ width: size, height: size });
      const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
      await page.setContent(
        `<html><body style="margin:0;background:transparent"><img src="${dataUrl}" width="${size}" height="${size}" style="display:block"></body></html>`,
      );
      await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
      pngs.set(size, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
    }
    return pngs;
  } finally {
    await browser.close();
  }
}

/** An ICO whose entries are PNGs (supported since Windows Vista). */
export function encodeIco(pngs: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(pngs.length, 4);
  let offset = 6 + 16 * pngs.length;
  const entries = pngs.map(({ size, data }) => {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0); // 0 means 256
    e.writeUInt8(size >= 256 ? 0 : size, 1);
    e.writeUInt16LE(1, 4); // colour planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(data.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += data.length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...pngs.map((p) => p.data)]);
}

/** An ICNS of PNG elements. */
export function encodeIcns(elements: { type: string; data: Buffer }[]): Buffer {
  const parts = elements.map(({ type, data }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + parts.reduce((n, p) => n + p.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

async function main(): Promise<void> {
  const svg = await readFile(join(ICONS_DIR, 'claimdesk.svg'), 'utf8');
  const pngs = await renderPngs(svg);
  // electron-builder's Linux icon set: a folder of <size>x<size>.png files.
  for (const [size, data] of pngs) await writeFile(join(ICONS_DIR, `${size}x${size}.png`), data);
  await writeFile(join(ICONS_DIR, 'icon.png'), pngs.get(1024)!);
  await writeFile(join(ICONS_DIR, 'icon.ico'), encodeIco(ICO_SIZES.map((size) => ({ size, data: pngs.get(size)! }))));
  await writeFile(join(ICONS_DIR, 'icon.icns'), encodeIcns(ICNS_TYPES.map(([type, size]) => ({ type, data: pngs.get(size)! }))));
  console.log(`Wrote ${pngs.size} PNGs, icon.ico and icon.icns to ${ICONS_DIR}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
