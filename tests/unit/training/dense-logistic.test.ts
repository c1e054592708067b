// The dense logistic regression behind bench/eval-claims-encoder.ts: it must find the regularised
// optimum (so the encoder's figures reflect the embedding, not an unconverged fit).
import { describe, expect, it } from 'vitest';
import { denseProbability, trainDenseLogistic } from '../../../scripts/training/dense-logistic';
import { seededRandom } from '../../../main/util/random';

function gaussianClasses(count: number): { xs: number[][]; labels: number[] } {
  const random = seededRandom(11);
  const gauss = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
  const xs: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < count; i++) {
    const label = i % 3 === 0 ? 1 : 0;
    xs.push([gauss() + (label ? 2 : -0.5), gauss() * 0.5, gauss()]);
    labels.push(label);
  }
  return { xs, labels };
}

describe('trainDenseLogistic', () => {
  const { xs, labels } = gaussianClasses(600);
  const options = { l2: 0.5, positiveWeight: 1.5 };
  const model = trainDenseLogistic(xs, labels, options);

  it('separates two overlapping classes along the informative dimension only', () => {
    const correct = xs.filter((x, i) => (denseProbability(model, x) >= 0.5 ? 1 : 0) === labels[i]).length;
    expect(correct / xs.length).toBeGreaterThan(0.85);
    expect(model.weights[0]).toBeGreaterThan(1);
    expect(Math.abs(model.weights[1])).toBeLessThan(0.5);
    expect(Math.abs(model.weights[2])).toBeLessThan(0.5);
  });

  it('stops at the optimum: the weighted, regularised gradient is zero', () => {
    const gradient = [0, 0, 0, 0];
    xs.forEach((x, i) => {
      const g = (denseProbability(model, x) - labels[i]) * (labels[i] === 1 ? options.positiveWeight : 1);
      x.forEach((v, j) => (gradient[j] += g * v));
      gradient[3] += g;
    });
    model.weights.forEach((w, j) => (gradient[j] += options.l2 * w));
    for (const g of gradient) expect(Math.abs(g)).toBeLessThan(1e-6);
  });
});
