// Trains the small neural networks of the check-worthiness model (main/extraction/checkworthy/mlp.ts
// scores with them): Adam, dropout and L2 on standardised dense sentence features.
import { sigmoid } from '../../main/extraction/checkworthy/linear';
import type { Mlp, Standardiser } from '../../main/extraction/checkworthy/mlp';
import { seededRandom } from '../../main/util/random';
import { shuffle } from './logistic';

export interface MlpOptions {
  hidden: number;
  epochs: number;
  learningRate: number;
  l2: number;
  dropout: number;
  /** Weight of positive examples relative to negatives (the check-worthy class is the minority). */
  positiveWeight: number;
  batchSize: number;
  seed: number;
}

export const DEFAULT_MLP_OPTIONS: MlpOptions = {
  hidden: 32,
  epochs: 20,
  learningRate: 0.003,
  l2: 1e-4,
  dropout: 0.5,
  positiveWeight: 1.5,
  batchSize: 16,
  seed: 1,
};

export function fitStandardiser(rows: Float32Array[]): Standardiser {
  const dims = rows[0]?.length ?? 0;
  const mean = new Float32Array(dims);
  const scale = new Float32Array(dims);
  for (const x of rows) for (let j = 0; j < dims; j++) mean[j] += x[j] / rows.length;
  for (const x of rows) for (let j = 0; j < dims; j++) scale[j] += (x[j] - mean[j]) ** 2 / rows.length;
  for (let j = 0; j < dims; j++) scale[j] = 1 / (Math.sqrt(scale[j]) + 1e-6);
  return { mean, scale };
}

/** Adam state and update for one parameter block; gradients accumulate in `grad` between steps. */
class AdamBlock {
  private m: Float32Array;
  private v: Float32Array;
  constructor(
    readonly params: Float32Array,
    readonly grad: Float32Array,
    private readonly decay: number,
  ) {
    this.m = new Float32Array(params.length);
    this.v = new Float32Array(params.length);
  }
  step(learningRate: number, t: number): void {
    const c1 = 1 - 0.9 ** t;
    const c2 = 1 - 0.999 ** t;
    for (let k = 0; k < this.params.length; k++) {
      const g = this.grad[k] + this.decay * this.params[k];
      this.m[k] = 0.9 * this.m[k] + 0.1 * g;
      this.v[k] = 0.999 * this.v[k] + 0.001 * g * g;
      this.params[k] -= (learningRate * (this.m[k] / c1)) / (Math.sqrt(this.v[k] / c2) + 1e-8);
    }
    this.grad.fill(0);
  }
}

function initialNet(inputs: number, hidden: number, random: () => number): Mlp {
  const gauss = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
  return {
    w1: new Float32Array(hidden * inputs).map(() => gauss() * Math.sqrt(2 / inputs)),
    b1: new Float32Array(hidden),
    w2: new Float32Array(hidden).map(() => gauss() * Math.sqrt(1 / hidden)),
    b2: 0,
  };
}

/** Trains one network on standardised inputs `xs` with labels `ys` (0/1). */
export function trainMlp(xs: Float32Array[], ys: number[], options: Partial<MlpOptions> = {}): Mlp {
  const opt = { ...DEFAULT_MLP_OPTIONS, ...options };
  const inputs = xs[0]?.length ?? 0;
  const random = seededRandom(opt.seed);
  const net = initialNet(inputs, opt.hidden, random);
  const bias2 = new Float32Array([net.b2]);
  const blocks = [
    new AdamBlock(net.w1, new Float32Array(net.w1.length), opt.l2),
    new AdamBlock(net.b1, new Float32Array(net.b1.length), 0),
    new AdamBlock(net.w2, new Float32Array(net.w2.length), opt.l2),
    new AdamBlock(bias2, new Float32Array(1), 0),
  ];
  const [gw1, gb1, gw2, gb2] = blocks.map((b) => b.grad);
  const activation = new Float32Array(opt.hidden);
  const keep = new Float32Array(opt.hidden);
  let t = 0;
  for (let epoch = 0; epoch < opt.epochs; epoch++) {
    const order = shuffle([...xs.keys()], random);
    for (let start = 0; start < order.length; start += opt.batchSize) {
      const batch = order.slice(start, start + opt.batchSize);
      for (const i of batch) {
        const x = xs[i];
        let z = bias2[0];
        for (let h = 0; h < opt.hidden; h++) {
          let a = net.b1[h];
          for (let j = 0; j < inputs; j++) a += net.w1[h * inputs + j] * x[j];
          keep[h] = random() < opt.dropout ? 0 : 1 / (1 - opt.dropout);
          activation[h] = a > 0 ? a * keep[h] : 0;
          z += net.w2[h] * activation[h];
        }
        const g = ((sigmoid(z) - ys[i]) * (ys[i] === 1 ? opt.positiveWeight : 1)) / batch.length;
        gb2[0] += g;
        for (let h = 0; h < opt.hidden; h++) {
          gw2[h] += g * activation[h];
          if (activation[h] <= 0) continue;
          const gh = g * net.w2[h] * keep[h];
          gb1[h] += gh;
          for (let j = 0; j < inputs; j++) gw1[h * inputs + j] += gh * x[j];
        }
      }
      t++;
      for (const block of blocks) block.step(opt.learningRate, t);
    }
  }
  net.b2 = bias2[0];
  return net;
}
