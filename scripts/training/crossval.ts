// Cross-validation and metrics for the check-worthiness model (used by bench/eval-claims.ts).
import { compileModel } from '../../main/extraction/checkworthy/ensemble';
import { calibrate } from '../../main/extraction/checkworthy/calibration';
import { restrictLexicon, type Lexicon } from '../../main/extraction/checkworthy/lexicon';
import { seededRandom } from '../../main/util/random';
import { fitCalibration } from './calibration';
import { trainCheckworthy, type EnsembleOptions } from './ensemble';
import { shuffle, type LabelledSentence } from './logistic';

export interface Metrics {
  precision: number;
  recall: number;
  f1: number;
  averagePrecision: number;
  positives: number;
  total: number;
}

/** Assigns each item to one of k folds, reproducibly. */
export function foldsOf(count: number, k: number, seed = 42): number[] {
  const order = shuffle([...Array(count).keys()], seededRandom(seed));
  const fold = new Array<number>(count);
  order.forEach((item, position) => (fold[item] = position % k));
  return fold;
}

/** Trains on labelled sentences and returns a probability function. */
export type Trainer = (data: LabelledSentence[]) => (sentence: string) => number;

/**
 * Out-of-fold probabilities: each sentence is scored by a model that never saw it. `alwaysTrain`
 * (e.g. another labelled set) joins every fold's training data and is never scored.
 */
export function crossValidatedScores(
  data: LabelledSentence[],
  k: number,
  train: Trainer,
  foldSeed = 42,
  alwaysTrain: LabelledSentence[] = [],
): number[] {
  const fold = foldsOf(data.length, k, foldSeed);
  const scores = new Array<number>(data.length);
  for (let f = 0; f < k; f++) {
    const score = train([...data.filter((_, i) => fold[i] !== f), ...alwaysTrain]);
    data.forEach((d, i) => {
      if (fold[i] === f) scores[i] = score(d.text);
    });
  }
  return scores;
}

export function averagePrecision(scores: number[], labels: number[]): number {
  const order = scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a]);
  let hits = 0;
  let sum = 0;
  order.forEach((i, rank) => {
    if (labels[i] === 1) sum += ++hits / (rank + 1);
  });
  return hits === 0 ? 0 : sum / hits;
}

export function metricsAt(scores: number[], labels: number[], threshold: number): Metrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  scores.forEach((s, i) => {
    if (s >= threshold && labels[i] === 1) tp++;
    else if (s >= threshold) fp++;
    else if (labels[i] === 1) fn++;
  });
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, averagePrecision: averagePrecision(scores, labels), positives: tp + fn, total: scores.length };
}

/**
 * Trains the full model on a lexicon narrowed to the frequent words plus the training sentences'
 * words, so test sentences get no vectors the shipped app would lack for unseen text.
 */
export function ensembleTrainer(lexicon: Lexicon, options: Partial<EnsembleOptions> = {}): Trainer {
  return (data) => {
    const known = restrictLexicon(
      lexicon,
      data.flatMap((d) => d.text.toLowerCase().match(/[a-z]+/g) ?? []),
    );
    return compileModel(trainCheckworthy(data, known, options), known);
  };
}

/**
 * Calibrated out-of-fold scores, honestly: each fold's scores are mapped by a calibration fitted to
 * the other folds' out-of-fold scores, so no sentence's label shapes its own calibrated score.
 */
export function crossFittedCalibration(scores: number[], labels: number[], k: number, foldSeed = 42): number[] {
  const fold = foldsOf(scores.length, k, foldSeed);
  const out = new Array<number>(scores.length);
  for (let f = 0; f < k; f++) {
    const others = scores.map((_, i) => i).filter((i) => fold[i] !== f);
    const c = fitCalibration(
      others.map((i) => scores[i]),
      others.map((i) => labels[i]),
    );
    scores.forEach((s, i) => {
      if (fold[i] === f) out[i] = calibrate(c, s);
    });
  }
  return out;
}
