import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronImports, layeringViolations } from './layering';

const ROOT = resolve(import.meta.dirname, '../../..');

describe('layering: only the shell imports electron', () => {
  it('holds for the whole code base', () => {
    expect(layeringViolations(ROOT)).toEqual([]);
  });

  it('recognises every way of importing electron', () => {
    expect(electronImports(`import { app } from 'electron';`)).toEqual(['electron']);
    expect(electronImports(`const { shell } = require("electron")`)).toEqual(['electron']);
    expect(electronImports(`await import('electron/main')`)).toEqual(['electron/main']);
    expect(electronImports(`import 'electron';`)).toEqual(['electron']);
    expect(electronImports(`import x from 'electron-vite'; // electron`)).toEqual([]);
  });

  it('fails when a core or shared module imports electron, and allows the shell to', () => {
    const root = mkdtempSync(join(tmpdir(), 'layering-'));
    for (const d of ['shared/domain', 'main/archive', 'main/shell', 'renderer', 'preload']) mkdirSync(join(root, d), { recursive: true });
    writeFileSync(join(root, 'main/archive/db.ts'), `import { app } from 'electron';\nexport const x = app;\n`);
    writeFileSync(join(root, 'shared/domain/claims.ts'), `import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n`);
    writeFileSync(join(root, 'main/shell/window.ts'), `import { BrowserWindow } from 'electron';\n`);
    writeFileSync(join(root, 'main/index.ts'), `import { app } from 'electron';\n`);
    writeFileSync(join(root, 'preload/index.ts'), `import { contextBridge } from 'electron';\n`);
    expect(layeringViolations(root)).toEqual([join('shared', 'domain', 'claims.ts'), join('main', 'archive', 'db.ts')]);
  });
});
