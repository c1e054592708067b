// The shipped check-worthiness model (see ensemble.ts): weights in resources/models/checkworthy.json,
// word vectors in resources/models/checkworthy-lexicon.json. Both are validated when first used.
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { compileModel, type CheckworthyModel } from './ensemble';
import { HASH_BITS } from './features';
import { loadLexicon, type Lexicon } from './lexicon';
import { denseSize } from './sentence-vector';
import shippedModel from '../../../resources/models/checkworthy.json' with { type: 'json' };
import shippedLexicon from '../../../resources/models/checkworthy-lexicon.json' with { type: 'json' };

const numbers = z.array(z.number().finite());

const Net = z.object({ w1: numbers, b1: numbers, w2: numbers, b2: z.number().finite() });

export const ModelFile = z
  .object({
    meta: z
      .object({
        name: z.literal('checkworthy'),
        version: z.literal(2),
        hashBits: z.number().int().min(8).max(24),
        dataSource: z.string(),
        license: z.string(),
      })
      .passthrough(),
    linear: z
      .object({ bias: z.number().finite(), indices: z.array(z.number().int().nonnegative()), weights: numbers })
      .refine((m) => m.indices.length === m.weights.length, 'indices and weights differ in length'),
    neural: z.object({ inputMean: numbers, inputScale: numbers, nets: z.array(Net) }),
    linearShare: z.number().min(0).max(1),
    /** Platt scaling of the blended score (see calibration.ts); absent in older files = raw blend. */
    calibration: z.object({ a: z.number().finite(), b: z.number().finite() }).optional(),
  })
  .refine((m) => m.linear.indices.every((i) => i < 2 ** m.meta.hashBits), 'an index is outside the hash space');
export type ModelFile = z.infer<typeof ModelFile>;

export interface CheckworthyScorer {
  meta: ModelFile['meta'];
  score(sentence: string): number;
}

const damaged = (why: string) => new AppError('PARSE_FAILED', `The check-worthiness model is damaged: ${why}`);

function checkShapes(file: ModelFile, lexicon: Lexicon): void {
  if (file.meta.hashBits !== HASH_BITS) {
    throw new AppError(
      'PARSE_FAILED',
      `The check-worthiness model uses ${file.meta.hashBits}-bit features; this build expects ${HASH_BITS}`,
    );
  }
  const inputs = denseSize(lexicon);
  const { inputMean, inputScale, nets } = file.neural;
  if (inputMean.length !== inputs || inputScale.length !== inputs) throw damaged(`expected ${inputs} network inputs`);
  for (const net of nets) {
    if (net.b1.length !== net.w2.length || net.w1.length !== net.b1.length * inputs)
      throw damaged('a network has inconsistent layer sizes');
  }
}

function fromFile(file: ModelFile): CheckworthyModel {
  const { linear, neural } = file;
  return {
    linear: { bias: linear.bias, weights: new Map(linear.indices.map((index, k) => [index, linear.weights[k]])) },
    standardiser: { mean: Float32Array.from(neural.inputMean), scale: Float32Array.from(neural.inputScale) },
    nets: neural.nets.map((n) => ({ w1: Float32Array.from(n.w1), b1: Float32Array.from(n.b1), w2: Float32Array.from(n.w2), b2: n.b2 })),
    linearShare: file.linearShare,
    calibration: file.calibration,
  };
}

/** Validates a model file against its word vectors and builds a scorer; damage is an error, never a silent zero. */
export function createScorer(raw: unknown, lexicon: Lexicon): CheckworthyScorer {
  const parsed = ModelFile.safeParse(raw);
  if (!parsed.success) throw damaged(parsed.error.issues[0]?.message ?? 'invalid');
  checkShapes(parsed.data, lexicon);
  return { meta: parsed.data.meta, score: compileModel(fromFile(parsed.data), lexicon) };
}

let shipped: CheckworthyScorer | null = null;

/** The model shipped with the app, built once per process. */
export function shippedScorer(): CheckworthyScorer {
  shipped ??= createScorer(shippedModel, loadLexicon(shippedLexicon));
  return shipped;
}

const round = (x: number) => Math.round(x * 1e5) / 1e5;
const rounded = (xs: ArrayLike<number>) => Array.from(xs, round);

/** Serialises a trained model; near-zero linear weights are dropped to keep the JSON small. */
export function toModelFile(model: CheckworthyModel, meta: { dataSource: string; license: string; [extra: string]: unknown }): ModelFile {
  const entries = [...model.linear.weights.entries()].filter(([, w]) => Math.abs(w) >= 1e-4).sort((a, b) => a[0] - b[0]);
  return {
    meta: { name: 'checkworthy', version: 2, hashBits: HASH_BITS, ...meta },
    linear: { bias: round(model.linear.bias), indices: entries.map(([i]) => i), weights: entries.map(([, w]) => round(w)) },
    neural: {
      inputMean: rounded(model.standardiser.mean),
      inputScale: rounded(model.standardiser.scale),
      nets: model.nets.map((n) => ({ w1: rounded(n.w1), b1: rounded(n.b1), w2: rounded(n.w2), b2: round(n.b2) })),
    },
    linearShare: model.linearShare,
    ...(model.calibration ? { calibration: { a: round(model.calibration.a), b: round(model.calibration.b) } } : {}),
  };
}
