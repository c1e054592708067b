// Deterministic mutations of seed files: byte flips, truncations, splices, repeated chunks, inserted
// junk, zeroed ranges and a wrong extension. The same seed number always yields the same files.
import type { Seed } from './corpus';
import { seededRandom } from '../../main/util/random';

export type Rng = () => number;

/** Mutations are picked reproducibly from a seed. */
export const createRng: (seed: number) => Rng = seededRandom;

const int = (rng: Rng, max: number) => Math.floor(rng() * max);
const pick = <T>(rng: Rng, items: readonly T[]): T => items[int(rng, items.length)];

function flipBytes(rng: Rng, bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  const flips = 1 + int(rng, Math.max(1, out.length / 64));
  for (let i = 0; i < flips && out.length; i++) out[int(rng, out.length)] ^= 1 << int(rng, 8);
  return out;
}

function truncate(rng: Rng, bytes: Uint8Array): Uint8Array {
  return bytes.slice(0, int(rng, bytes.length));
}

function splice(rng: Rng, a: Uint8Array, b: Uint8Array): Uint8Array {
  const head = a.subarray(0, int(rng, a.length + 1));
  const tail = b.subarray(int(rng, b.length + 1));
  const out = new Uint8Array(head.length + tail.length);
  out.set(head);
  out.set(tail, head.length);
  return out;
}

function repeatChunk(rng: Rng, bytes: Uint8Array): Uint8Array {
  if (bytes.length === 0) return bytes;
  const start = int(rng, bytes.length);
  const chunk = bytes.subarray(start, Math.min(bytes.length, start + 1 + int(rng, 512)));
  const times = 2 + int(rng, 200);
  const parts = [bytes.subarray(0, start), ...Array.from({ length: times }, () => chunk), bytes.subarray(start)];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function insertJunk(rng: Rng, bytes: Uint8Array): Uint8Array {
  const junk = pick(rng, [
    Uint8Array.from({ length: 1 + int(rng, 64) }, () => int(rng, 256)),
    new TextEncoder().encode(
      pick(rng, ['\u0000', '\uFEFF', '<!--', ']]>', '"', '\r\n\r\n', '%%EOF', 'PK\u0003\u0004', '\uD800', '{"@graph":[']),
    ),
  ]);
  const at = int(rng, bytes.length + 1);
  const out = new Uint8Array(bytes.length + junk.length);
  out.set(bytes.subarray(0, at));
  out.set(junk, at);
  out.set(bytes.subarray(at), at + junk.length);
  return out;
}

function zeroRange(rng: Rng, bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  const start = int(rng, out.length);
  out.fill(0, start, start + 1 + int(rng, 256));
  return out;
}

export interface Mutant extends Seed {
  /** How it was made, to reproduce a failure by hand. */
  recipe: string;
}

const extOf = (name: string) => name.slice(name.lastIndexOf('.') + 1);

/** One mutant of a seed drawn from `seeds` (1–3 stacked mutations). */
export function mutate(rng: Rng, seeds: readonly Seed[]): Mutant {
  const seed = pick(rng, seeds);
  let bytes = seed.bytes;
  let name = seed.name;
  const steps: string[] = [];
  for (let n = 1 + int(rng, 3); n > 0; n--) {
    const kind = pick(rng, ['flip', 'flip', 'truncate', 'splice', 'repeat', 'junk', 'zero', 'rename'] as const);
    steps.push(kind);
    if (kind === 'flip') bytes = flipBytes(rng, bytes);
    else if (kind === 'truncate') bytes = truncate(rng, bytes);
    else if (kind === 'splice')
      bytes = splice(
        rng,
        bytes,
        pick(
          rng,
          seeds.filter((s) => extOf(s.name) === extOf(name)),
        ).bytes,
      );
    else if (kind === 'repeat') bytes = repeatChunk(rng, bytes);
    else if (kind === 'junk') bytes = insertJunk(rng, bytes);
    else if (kind === 'zero') bytes = zeroRange(rng, bytes);
    else name = `${name.slice(0, name.lastIndexOf('.'))}.${pick(rng, ['html', 'pdf', 'docx', 'csv', 'json', 'txt', 'mhtml'])}`;
  }
  return { name, bytes, recipe: `${seed.name}: ${steps.join(' + ')} → ${name}` };
}
