// The check-worthiness model: a blend of a sparse logistic regression (word, character and word-cluster
// n-grams; weights averaged over several shuffles) and a bag of small neural networks over the
// sentence's mean word vector. The two err differently, so their average ranks better than either.
import { featurize, HASH_BITS } from './features';
import type { Lexicon } from './lexicon';
import {
  DEFAULT_MLP_OPTIONS,
  fitStandardiser,
  mlpProbability,
  standardise,
  trainMlp,
  type Mlp,
  type MlpOptions,
  type Standardiser,
} from './mlp';
import { sentenceVector } from './sentence-vector';
import { calibrate, type Calibration } from './calibration';
import { DEFAULT_TRAIN_OPTIONS, sigmoid, trainLogistic, type LabelledSentence, type LinearModel, type TrainOptions } from './train';

export interface EnsembleOptions {
  linear: TrainOptions;
  /** One logistic regression per seed (each sees the data in another order); their weights are averaged. */
  linearSeeds: number[];
  mlp: MlpOptions;
  /** One network per seed; their probabilities are averaged. */
  mlpSeeds: number[];
  /** Share of the linear model in the blended probability; the networks get the rest. */
  linearShare: number;
}

export const DEFAULT_ENSEMBLE_OPTIONS: EnsembleOptions = {
  linear: DEFAULT_TRAIN_OPTIONS,
  linearSeeds: [1, 2, 3, 4, 5],
  mlp: DEFAULT_MLP_OPTIONS,
  mlpSeeds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  linearShare: 0.4,
};

export interface CheckworthyModel {
  linear: LinearModel;
  standardiser: Standardiser;
  nets: Mlp[];
  linearShare: number;
  /** Platt scaling fitted to out-of-fold scores, so a score of 0.7 means about 70% are check-worthy; none = raw blend. */
  calibration?: Calibration;
}

function averaged(models: LinearModel[]): LinearModel {
  const weights = new Map<number, number>();
  for (const m of models) for (const [index, w] of m.weights) weights.set(index, (weights.get(index) ?? 0) + w / models.length);
  return { weights, bias: models.reduce((sum, m) => sum + m.bias, 0) / models.length };
}

export function trainCheckworthy(data: LabelledSentence[], lexicon: Lexicon, options: Partial<EnsembleOptions> = {}): CheckworthyModel {
  const opt = { ...DEFAULT_ENSEMBLE_OPTIONS, ...options };
  const sparse = new Map(data.map((d) => [d.text, featurize(d.text, lexicon)]));
  const toSparse = (text: string) => sparse.get(text) ?? featurize(text, lexicon);
  const linear = averaged(opt.linearSeeds.map((seed) => trainLogistic(data, { ...opt.linear, seed }, toSparse)));
  const dense = data.map((d) => sentenceVector(lexicon, d.text));
  const standardiser = fitStandardiser(dense);
  const inputs = dense.map((x) => standardise(standardiser, x));
  const labels = data.map((d) => d.label);
  const nets = opt.mlpSeeds.map((seed) => trainMlp(inputs, labels, { ...opt.mlp, seed }));
  return { linear, standardiser, nets, linearShare: opt.linearShare };
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
