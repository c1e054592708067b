// Reads the bundled sample article. Its first line starts with " date YYYY-MM-DD " metadata; the
// article body follows. Shared by the extraction bench and the extraction tests.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SAMPLE_PATH = fileURLToPath(new URL('../resources/samples/nk-troops-russia-2024-10-25.txt', import.meta.url));

export function readSample(path = SAMPLE_PATH): { text: string; published: string | null } {
  const raw = readFileSync(path, 'utf8');
  const m = /^\s*date\s+(\d{4}-\d{2}-\d{2})\s+/.exec(raw);
  return m ? { text: raw.slice(m[0].length), published: m[1] } : { text: raw, published: null };
}
