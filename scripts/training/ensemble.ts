// Trains the check-worthiness ensemble that main/extraction/checkworthy/ensemble.ts scores with:
// logistic regressions over several shuffles (weights averaged) and a bag of small networks.
import { featurize } from '../../main/extraction/checkworthy/features';
import type { CheckworthyModel } from '../../main/extraction/checkworthy/ensemble';
import type { Lexicon } from '../../main/extraction/checkworthy/lexicon';
import type { LinearModel } from '../../main/extraction/checkworthy/linear';
import { sentenceVector } from '../../main/extraction/checkworthy/sentence-vector';
import { DEFAULT_TRAIN_OPTIONS, trainLogistic, type LabelledSentence, type TrainOptions } from './logistic';
import { DEFAULT_MLP_OPTIONS, fitStandardiser, trainMlp, type MlpOptions } from './mlp';
import { standardise } from '../../main/extraction/checkworthy/mlp';

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
