// Packages the Linux app (electron-builder --linux dir) around a stand-in Electron binary and
// checks what a user would install: the built app and nothing else in app.asar, sql.js' wasm
// where the app looks for it, OCR's worker, wasm and model unpacked, samples beside the asar, and
// Electron's fuses flipped.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFile, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { packagedPaths } from '../../main/shell/packaged';
import { makeStandInElectron } from './stand-in-electron';
import { BUILT_ENTRIES as BUILT, ROOT, ensureBuilt } from '../unit/release/built';

const run = promisify(execFile);
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string; devDependencies: Record<string, string> };
const electronVersion = (JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
// electron-builder's own YAML parser reads the same file it does.
const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
const yaml = fromBuilder('js-yaml') as { load(text: string): unknown };
const config = yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as {
  electronFuses: Record<string, boolean>;
  fileAssociations: { ext: string; mimeType: string }[];
};

let work: string;
let appDir: string;
let asarFiles: string[];

beforeAll(async () => {
  await ensureBuilt();
  work = await mkdtemp(join(tmpdir(), 'claimdesk-package-'));
  const electronDist = await makeStandInElectron(join(work, 'electron'));
  const cli = join(ROOT, 'node_modules/electron-builder/cli.js');
  const args = ['--linux', 'dir', '--publish', 'never', '--config', 'electron-builder.yml'];
  // An explicit Electron (dist and version) and no native rebuild: nothing may be downloaded.
  const overrides = [
    `-c.electronDist=${electronDist}`,
    `-c.electronVersion=${electronVersion}`,
    `-c.directories.output=${join(work, 'dist')}`,
    '-c.npmRebuild=false',
  ];
  await run(process.execPath, [cli, ...args, ...overrides], { cwd: ROOT, timeout: 120_000, env: { ...process.env, CI: '1' } });
  appDir = join(work, 'dist', 'linux-unpacked');
  asarFiles = listPackage(join(appDir, 'resources', 'app.asar'), { isPack: false });
}, 420_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the packaged Linux app', () => {
  it('holds the built main, preload and renderer, and starts at package.json main', () => {
    for (const file of BUILT) expect(asarFiles, file).toContain(`/${file}`);
    expect(asarFiles).toContain('/package.json');
    expect(asarFiles).toContain(`/${pkg.main}`);
    expect(asarFiles).toContain('/out/main/importWorker.js');
  });

  it('ships no sources, tests, benchmarks or source maps', () => {
    const offending = asarFiles.filter(
      (f) =>
        /^\/(main|renderer|preload|tests|bench|scripts|resources)\//.test(f) ||
        /\.(svelte|map)$/.test(f) ||
        (/\.ts$/.test(f) && !f.includes('/node_modules/')),
    );
    expect(offending).toEqual([]);
    expect(asarFiles.filter((f) => /^\/[^/]+\.(ts|js|json|yml)$/.test(f) && f !== '/package.json')).toEqual([]);
  });

  it('ships no development dependency', () => {
    const dev = Object.keys(pkg.devDependencies).filter((name) => asarFiles.includes(`/node_modules/${name}`));
    expect(dev).toEqual([]);
    expect(asarFiles.some((f) => f.startsWith('/node_modules/electron/'))).toBe(false);
  });

  it('has every package the built main process imports', () => {
    const code = asarFiles
      .filter((f) => /^\/out\/main\/.*\.js$/.test(f))
      .map((f) => extractFile(join(appDir, 'resources', 'app.asar'), f.slice(1)).toString('utf8'));
    const specifiers = new Set(
      // Only specifiers shaped like a package name ("pdf-lib", "@citation-js/core/x"): prose inside bundled strings
      // (`from ",\n\t\tjson: "`) is not an import.
      code.flatMap((js) =>
        [...js.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*)["']((?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(?:\/[\w.@-]+)*|node:[\w/]+)["']/g)].map(
          (m) => m[1],
        ),
      ),
    );
    const packageOf = (spec: string) =>
      spec
        .split('/')
        .slice(0, spec.startsWith('@') ? 2 : 1)
        .join('/');
    // Loaded on demand by the command line's PDF export only; the app prints with printToPDF.
    const cliOnly = ['playwright-core'];
    const missing = [...specifiers]
      .filter((spec) => !spec.startsWith('node:') && !builtinModules.includes(spec) && spec !== 'electron' && !cliOnly.includes(spec))
      .filter((spec) => !asarFiles.includes(`/node_modules/${packageOf(spec)}/package.json`));
    expect(specifiers.size).toBeGreaterThan(3);
    expect(missing).toEqual([]);
  });

  it('keeps only the sql.js build the archive loads, unpacked where the app looks for it', () => {
    const sqlDist = asarFiles.filter((f) => f.startsWith('/node_modules/sql.js/dist/')).sort();
    expect(sqlDist).toEqual(['/node_modules/sql.js/dist/sql-wasm.js', '/node_modules/sql.js/dist/sql-wasm.wasm']);
    const { wasmPath } = packagedPaths(join(appDir, 'resources'));
    expect(existsSync(wasmPath)).toBe(true);
    expect(readFileSync(wasmPath).subarray(0, 4)).toEqual(Buffer.from([0x00, 0x61, 0x73, 0x6d])); // "\0asm"
  });

  it("keeps pdf.js' legacy build, cmaps and fonts, and drops its other builds", () => {
    for (const f of [
      'legacy/build/pdf.mjs',
      'legacy/build/pdf.worker.mjs',
      'cmaps/Adobe-Japan1-UCS2.bcmap',
      'standard_fonts/LiberationSans-Regular.ttf',
    ]) {
      expect(asarFiles, f).toContain(`/node_modules/pdfjs-dist/${f}`);
    }
    expect(asarFiles.filter((f) => /^\/node_modules\/pdfjs-dist\/(build|web|image_decoders|types)\//.test(f))).toEqual([]);
  });

  it("unpacks OCR's worker script, LSTM wasm cores and English model, and everything the worker requires", () => {
    const unpacked = join(appDir, 'resources', 'app.asar.unpacked', 'node_modules');
    for (const f of [
      'tesseract.js/src/worker-script/node/index.js',
      'tesseract.js/package.json',
      'tesseract.js-core/tesseract-core-lstm.js',
      'tesseract.js-core/tesseract-core-simd-lstm.js',
      'tesseract.js-core/tesseract-core-relaxedsimd-lstm.js',
      '@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz',
      'wasm-feature-detect/package.json',
      'regenerator-runtime/runtime.js',
      'bmp-js/package.json',
      'zlibjs/package.json',
      'is-url/package.json',
      'idb-keyval/package.json',
    ]) {
      expect(existsSync(join(unpacked, f)), f).toBe(true);
    }
    const wasm = readFileSync(join(unpacked, 'tesseract.js-core/tesseract-core-simd-lstm.wasm'));
    expect(wasm.subarray(0, 4)).toEqual(Buffer.from([0x00, 0x61, 0x73, 0x6d]));
    // Never loaded: browser bundles, base64 wasm copies, legacy (non-LSTM) cores, the legacy model.
    const never = [
      /^\/node_modules\/tesseract\.js\/dist\//,
      /^\/node_modules\/tesseract\.js-core\/.*\.wasm\.js$/,
      /^\/node_modules\/tesseract\.js-core\/tesseract-core(-simd|-relaxedsimd)?\.(js|wasm)$/,
      /^\/node_modules\/@tesseract\.js-data\/eng\/4\.0\.0\//,
    ];
    const dropped = asarFiles.filter((f) => never.some((re) => re.test(f)));
    expect(dropped).toEqual([]);
  });

  it('puts the samples beside app.asar, where main/index.ts reads them (models are bundled into main)', () => {
    const { resourcesDir } = packagedPaths(join(appDir, 'resources'));
    expect(existsSync(join(resourcesDir, 'samples', 'nk-troops-russia-2024-10-25.txt'))).toBe(true);
    expect(existsSync(join(resourcesDir, 'models'))).toBe(false);
    expect(existsSync(join(resourcesDir, 'icons'))).toBe(false);
  });

  it('flips the fuses declared in electron-builder.yml in the app binary', async () => {
    const wire = await getCurrentFuseWire(join(appDir, 'claimdesk'));
    const on = 49; // '1'
    const off = 48; // '0'
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(wire[FuseV1Options.RunAsNode]).toBe(off);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(on);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(off);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(off);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(on);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(on);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(off);
  });

  it('registers .claimdesk archive files', () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'claimdesk', mimeType: 'application/x-claimdesk+json' })]);
  });
});
