// Scoring with the sparse logistic regression of the check-worthiness model. Training it is
// scripts/training/logistic.ts; the app only scores.
import type { SparseVector } from './features';

export interface LinearModel {
  weights: Map<number, number>;
  bias: number;
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export function linearScore(model: LinearModel, x: SparseVector): number {
  let z = model.bias;
  for (let i = 0; i < x.indices.length; i++) z += (model.weights.get(x.indices[i]) ?? 0) * x.values[i];
  return z;
}
