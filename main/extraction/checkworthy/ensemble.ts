// The check-worthiness model: a blend of a sparse logistic regression (word, character and word-cluster
// n-grams; weights averaged over several shuffles) and a bag of small neural networks over the
// sentence's mean word vector. The two err differently, so their average ranks better than either.
// Training it is scripts/training/ensemble.ts; the app only scores.
import { featurize, HASH_BITS } from './features';
import type { Lexicon } from './lexicon';
import { mlpProbability, standardise, type Mlp, type Standardiser } from './mlp';
import { sentenceVector } from './sentence-vector';
import { calibrate, type Calibration } from './calibration';
import { sigmoid, type LinearModel } from './linear';

export interface CheckworthyModel {
  linear: LinearModel;
  standardiser: Standardiser;
  nets: Mlp[];
  linearShare: number;
  /** Platt scaling fitted to out-of-fold scores, so a score of 0.7 means about 70% are check-worthy; none = raw blend. */
  calibration?: Calibration;
}

/**
 * A function giving the probability that a sentence is a check-worthy factual claim. The linear
 * weights are spread into a table indexed by feature hash, which is much faster than a Map.
 */
export function compileModel(model: CheckworthyModel, lexicon: Lexicon): (sentence: string) => number {
  const table = new Float32Array(2 ** HASH_BITS);
  for (const [index, w] of model.linear.weights) table[index] = w;
  return (sentence) => {
    const x = featurize(sentence, lexicon);
    let z = model.linear.bias;
    for (let i = 0; i < x.indices.length; i++) z += table[x.indices[i]] * x.values[i];
    let p = sigmoid(z);
    if (model.nets.length > 0) {
      const dense = standardise(model.standardiser, sentenceVector(lexicon, sentence));
      const neural = model.nets.reduce((sum, net) => sum + mlpProbability(net, dense), 0) / model.nets.length;
      p = model.linearShare * p + (1 - model.linearShare) * neural;
    }
    return model.calibration ? calibrate(model.calibration, p) : p;
  };
}
