// The shipped check-worthiness model: a logistic regression over hashed features (see features.ts),
// stored sparsely in resources/models/checkworthy.json and expanded into a dense table on first use.
import { z } from 'zod';
import { AppError } from '../../api/errors';
import { featurize, HASH_BITS } from './features';
import { sigmoid, type LinearModel } from './train';
import shippedModel from '../../../resources/models/checkworthy.json' with { type: 'json' };

export const ModelFile = z
  .object({
    meta: z
      .object({
        name: z.literal('checkworthy'),
        version: z.number().int().positive(),
        hashBits: z.number().int().min(8).max(24),
        dataSource: z.string(),
        license: z.string(),
      })
      .passthrough(),
    bias: z.number().finite(),
    indices: z.array(z.number().int().nonnegative()),
    weights: z.array(z.number().finite()),
  })
  .refine((m) => m.indices.length === m.weights.length, 'indices and weights differ in length')
  .refine((m) => m.indices.every((i) => i < 2 ** m.meta.hashBits), 'an index is outside the hash space');
export type ModelFile = z.infer<typeof ModelFile>;

export interface CheckworthyScorer {
  meta: ModelFile['meta'];
  score(sentence: string): number;
}

/** Validates a model file and builds a scorer; a damaged file is an error, never a silent zero. */
export function createScorer(raw: unknown): CheckworthyScorer {
  const parsed = ModelFile.safeParse(raw);
  if (!parsed.success)
    throw new AppError('PARSE_FAILED', `The check-worthiness model is damaged: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  const model = parsed.data;
  if (model.meta.hashBits !== HASH_BITS) {
    throw new AppError(
      'PARSE_FAILED',
      `The check-worthiness model uses ${model.meta.hashBits}-bit features; this build expects ${HASH_BITS}`,
    );
  }
  const table = new Float32Array(2 ** HASH_BITS);
  model.indices.forEach((index, k) => (table[index] = model.weights[k]));
  return {
    meta: model.meta,
    score(sentence: string): number {
      const x = featurize(sentence);
      let z = model.bias;
      for (let i = 0; i < x.indices.length; i++) z += table[x.indices[i]] * x.values[i];
      return sigmoid(z);
    },
  };
}

let shipped: CheckworthyScorer | null = null;

/** The model shipped with the app, built once per process. */
export function shippedScorer(): CheckworthyScorer {
  shipped ??= createScorer(shippedModel);
  return shipped;
}

const round = (x: number) => Math.round(x * 1e5) / 1e5;

/** Serialises a model sparsely; near-zero weights are dropped to keep the JSON small. */
export function toModelFile(
  model: LinearModel,
  meta: { version: number; dataSource: string; license: string; [extra: string]: unknown },
): ModelFile {
  const entries = [...model.weights.entries()].filter(([, w]) => Math.abs(w) >= 1e-4).sort((a, b) => a[0] - b[0]);
  return {
    meta: { name: 'checkworthy', hashBits: HASH_BITS, ...meta },
    bias: round(model.bias),
    indices: entries.map(([i]) => i),
    weights: entries.map(([, w]) => round(w)),
  };
}
