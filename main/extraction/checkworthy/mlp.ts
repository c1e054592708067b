// A small neural network (one ReLU hidden layer, sigmoid output) over dense sentence features,
// trained with Adam, dropout and L2 (scripts/training/mlp.ts). Small enough to train in a second
// and score in microseconds; the app only scores.
import { sigmoid } from './linear';

/** Weights of one network; `w1` is row-major, hidden × inputs. */
export interface Mlp {
  w1: Float32Array;
  b1: Float32Array;
  w2: Float32Array;
  b2: number;
}

/** Per-feature centring and scaling, learned from the training set and shared by all networks. */
export interface Standardiser {
  mean: Float32Array;
  scale: Float32Array;
}

export function standardise(s: Standardiser, x: Float32Array): Float32Array {
  return x.map((v, j) => (v - s.mean[j]) * s.scale[j]);
}

/** Probability of the positive class for an already standardised input. */
export function mlpProbability(net: Mlp, x: Float32Array): number {
  const inputs = x.length;
  let z = net.b2;
  for (let h = 0; h < net.b1.length; h++) {
    let a = net.b1[h];
    const row = h * inputs;
    for (let j = 0; j < inputs; j++) a += net.w1[row + j] * x[j];
    if (a > 0) z += net.w2[h] * a;
  }
  return sigmoid(z);
}
