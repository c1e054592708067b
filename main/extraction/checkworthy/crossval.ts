// Cross-validation and metrics for the check-worthiness model (used by bench/eval-claims.ts).
import { featurize } from './features';
import { linearScore, seededRandom, shuffle, sigmoid, type LabelledSentence, type LinearModel } from './train';

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

/** Out-of-fold probabilities: each sentence is scored by a model that never saw it. */
export function crossValidatedScores(
  data: LabelledSentence[],
  k: number,
  train: (d: LabelledSentence[]) => LinearModel,
  foldSeed = 42,
): number[] {
  const fold = foldsOf(data.length, k, foldSeed);
  const scores = new Array<number>(data.length);
  for (let f = 0; f < k; f++) {
    const model = train(data.filter((_, i) => fold[i] !== f));
    data.forEach((d, i) => {
      if (fold[i] === f) scores[i] = sigmoid(linearScore(model, featurize(d.text)));
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
