// A stand-in Electron distribution for packaging tests: electron-builder copies it as the app's
// binary, so nothing is downloaded. The "binary" carries a real fuse wire (sentinel, version,
// length, one byte per fuse), so electron-builder's fuse flipping runs on it and can be read back.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// From @electron/fuses: the marker Electron places before its fuse wire.
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_WIRE_VERSION = 1;
/** Electron's defaults for the 8 fuses of wire v1 ('1' on, '0' off): the opposite of what we want. */
const DEFAULT_WIRE = '10110001';

export async function makeStandInElectron(dir: string): Promise<string> {
  await mkdir(join(dir, 'locales'), { recursive: true });
  await mkdir(join(dir, 'resources'), { recursive: true });
  const binary = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stand-in Electron binary"\nexit 0\n# '),
    Buffer.from(FUSE_SENTINEL, 'latin1'),
    Buffer.from([FUSE_WIRE_VERSION, DEFAULT_WIRE.length]),
    Buffer.from(DEFAULT_WIRE, 'latin1'),
    Buffer.from('\n'),
  ]);
  await writeFile(join(dir, 'electron'), binary, { mode: 0o755 });
  await writeFile(join(dir, 'version'), 'stand-in');
  await writeFile(join(dir, 'LICENSE'), 'stand-in');
  await writeFile(join(dir, 'locales', 'en-US.pak'), '');
  return dir;
}
