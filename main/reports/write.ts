// Export files are written whole or not at all: temp file, fsync, rename (the archive's helper).
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { writeFileDurably } from '../archive/engine/files';

export async function writeFileAtomically(file: string, content: string | Uint8Array): Promise<void> {
  const target = path.resolve(file);
  const dir = path.dirname(target);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new AppError('IO', `Cannot write ${file}: the folder ${dir} does not exist.`);
  if (existsSync(target) && statSync(target).isDirectory()) throw new AppError('IO', `Cannot write ${file}: it is a folder.`);
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  try {
    await writeFileDurably(target, bytes);
  } catch (err) {
    throw new AppError('IO', `Cannot write ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
}
