// Near-identical articles (the same wire story re-published with a new headline or a trimmed
// paragraph): MinHash signatures over word 5-gram shingles, estimated Jaccard >= 0.8. Locality-
// sensitive hashing (bands of the signature) keeps a lookup from comparing against every article.

const HASHES = 128;
const BANDS = 32; // 32 bands x 4 rows: pairs around Jaccard 0.5 and up become candidates
const ROWS = HASHES / BANDS;
const SHINGLE = 5;
export const NEAR_DUPLICATE_THRESHOLD = 0.8;

const SEEDS = Uint32Array.from({ length: HASHES }, (_, i) => fmix32((i + 1) * 0x9e3779b1));

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function shingles(text: string): Set<number> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<number>();
  if (words.length < SHINGLE) {
    if (words.length) out.add(fnv1a(words.join(' ')));
    return out;
  }
  for (let i = 0; i + SHINGLE <= words.length; i++) out.add(fnv1a(words.slice(i, i + SHINGLE).join(' ')));
  return out;
}

export function minHash(text: string): Uint32Array | null {
  const set = shingles(text);
  if (set.size === 0) return null;
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  for (const s of set) {
    for (let i = 0; i < HASHES; i++) {
      const h = fmix32(s ^ SEEDS[i]);
      if (h < sig[i]) sig[i] = h;
    }
  }
  return sig;
}

export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < HASHES; i++) if (a[i] === b[i]) same++;
  return same / HASHES;
}

/**
 * One number per band: its rows hashed to 32 bits, times BANDS, plus the band's number (below 2^37,
 * an exact integer). Numbers instead of strings keep 32 keys per article small at 10,000 articles;
 * a hash collision only adds a candidate, which the similarity check below then turns away.
 */
function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = b + 1;
    for (let r = b * ROWS; r < (b + 1) * ROWS; r++) h = fmix32(Math.imul(h, 0x01000193) ^ sig[r]);
    keys.push(h * BANDS + b);
  }
  return keys;
}

export interface NearDuplicateIndex {
  /** The most similar indexed article at or above the threshold, with its estimated similarity. */
  find(text: string): { id: number; similarity: number } | null;
  add(id: number, text: string): void;
  size(): number;
}

export function createNearDuplicateIndex(threshold = NEAR_DUPLICATE_THRESHOLD): NearDuplicateIndex {
  const signatures = new Map<number, Uint32Array>();
  // Most buckets hold one article: the id itself, an array only once a second one shares the key.
  const buckets = new Map<number, number | number[]>();
  function findSig(sig: Uint32Array) {
    const candidates = new Set<number>();
    for (const key of bandKeys(sig)) {
      const ids = buckets.get(key);
      if (typeof ids === 'number') candidates.add(ids);
      else if (ids) for (const id of ids) candidates.add(id);
    }
    let best: { id: number; similarity: number } | null = null;
    for (const id of candidates) {
      const similarity = estimateJaccard(sig, signatures.get(id)!);
      if (similarity >= threshold && (!best || similarity > best.similarity || (similarity === best.similarity && id < best.id)))
        best = { id, similarity };
    }
    return best;
  }
  return {
    find(text) {
      const sig = minHash(text);
      return sig ? findSig(sig) : null;
    },
    add(id, text) {
      const sig = minHash(text);
      if (!sig) return;
      signatures.set(id, sig);
      for (const key of bandKeys(sig)) {
        const ids = buckets.get(key);
        if (ids === undefined) buckets.set(key, id);
        else if (typeof ids === 'number') buckets.set(key, [ids, id]);
        else ids.push(id);
      }
    },
    size: () => signatures.size,
  };
}
