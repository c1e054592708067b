// L2-regularised logistic regression on sparse hashed features, trained with AdaGrad.
// Used by scripts/train-checkworthy.ts (ships the weights) and bench/eval-claims.ts (cross-validation);
// the app scores with main/extraction/checkworthy/linear.ts.
import { featurize, type SparseVector } from '../../main/extraction/checkworthy/features';
import { linearScore, sigmoid, type LinearModel } from '../../main/extraction/checkworthy/linear';
import { seededRandom } from '../../main/util/random';

export interface LabelledSentence {
  text: string;
  label: 0 | 1;
}

export interface TrainOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  /** Weight of positive examples relative to negatives (the check-worthy class is the minority). */
  positiveWeight: number;
  seed: number;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = { epochs: 3, learningRate: 0.3, l2: 1e-4, positiveWeight: 1.5, seed: 7 };

export function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export function trainLogistic(
  data: LabelledSentence[],
  options: Partial<TrainOptions> = {},
  toFeatures: (text: string) => SparseVector = featurize,
): LinearModel {
  const opt = { ...DEFAULT_TRAIN_OPTIONS, ...options };
  const examples = data.map((d) => ({ x: toFeatures(d.text), y: d.label }));
  const model: LinearModel = { weights: new Map(), bias: 0 };
  const gradSquares = new Map<number, number>();
  let biasGradSquare = 1e-8;
  const random = seededRandom(opt.seed);
  for (let epoch = 0; epoch < opt.epochs; epoch++) {
    for (const { x, y } of shuffle(examples, random)) {
      const p = sigmoid(linearScore(model, x));
      const weight = y === 1 ? opt.positiveWeight : 1;
      const g = (p - y) * weight;
      for (let i = 0; i < x.indices.length; i++) {
        const index = x.indices[i];
        const w = model.weights.get(index) ?? 0;
        const grad = g * x.values[i] + opt.l2 * w;
        const acc = (gradSquares.get(index) ?? 1e-8) + grad * grad;
        gradSquares.set(index, acc);
        model.weights.set(index, w - (opt.learningRate * grad) / Math.sqrt(acc));
      }
      biasGradSquare += g * g;
      model.bias -= (opt.learningRate * g) / Math.sqrt(biasGradSquare);
    }
  }
  return model;
}
