// Calibration of the check-worthiness score and the honesty of the evaluation data handling.
import { describe, expect, it } from 'vitest';
import model from '../../../resources/models/checkworthy.json' with { type: 'json' };
import { calibrate } from '../../../main/extraction/checkworthy/calibration';
import { fitCalibration } from '../../../scripts/training/calibration';
import { crossFittedCalibration } from '../../../scripts/training/crossval';
import { distinctSentences, sentenceKey } from '../../../scripts/training/datasets';
import { seededRandom } from '../../../main/util/random';

/** Raw scores whose true probability is sigmoid(2·logit(raw) − 1). */
function synthetic(count: number, seed: number): { scores: number[]; labels: number[] } {
  const random = seededRandom(seed);
  const scores = Array.from({ length: count }, () => 0.02 + 0.96 * random());
  const labels = scores.map((s) => (random() < calibrate({ a: 2, b: -1 }, s) ? 1 : 0));
  return { scores, labels };
}

describe('check-worthiness calibration', () => {
  it('recovers a known Platt map from labelled scores', () => {
    const { scores, labels } = synthetic(20_000, 3);
    const c = fitCalibration(scores, labels);
    expect(c.a).toBeCloseTo(2, 0);
    expect(c.b).toBeCloseTo(-1, 0);
    // Of the sentences calibrated to about 0.7, about 70% are positive.
    const band = scores.map((s, i) => ({ p: calibrate(c, s), y: labels[i] })).filter((x) => x.p > 0.65 && x.p < 0.75);
    expect(band.filter((x) => x.y === 1).length / band.length).toBeGreaterThan(0.63);
    expect(band.filter((x) => x.y === 1).length / band.length).toBeLessThan(0.77);
  });

  it('is monotone, so it never changes the ranking', () => {
    const c = { a: 1.3, b: -0.4 };
    const xs = Array.from({ length: 101 }, (_, i) => i / 100);
    const ys = xs.map((x) => calibrate(c, x));
    for (let i = 1; i < ys.length; i++) expect(ys[i]).toBeGreaterThanOrEqual(ys[i - 1]);
    for (const y of ys) expect(y >= 0 && y <= 1).toBe(true);
  });

  it("cross-fitting never lets a sentence's own label shape its calibrated score", () => {
    const { scores, labels } = synthetic(500, 9);
    const before = crossFittedCalibration(scores, labels, 5, 2);
    const flipped = [...labels];
    flipped[17] = 1 - flipped[17];
    expect(crossFittedCalibration(scores, flipped, 5, 2)[17]).toBe(before[17]);
  });

  it('is part of the shipped model', () => {
    expect(model.calibration).toBeDefined();
    expect(Number.isFinite(model.calibration!.a) && model.calibration!.a > 0).toBe(true);
  });
});

describe('check-worthiness data handling', () => {
  it('treats sentences that differ only in case, spacing and punctuation as the same sentence', () => {
    expect(sentenceKey('The GDP grew 3%.')).toBe(sentenceKey('  the gdp  grew 3% '));
    const train = [
      { text: 'Taxes rose.', label: 1 as const },
      { text: 'taxes  rose', label: 1 as const },
      { text: 'Thank you.', label: 0 as const },
    ];
    expect(distinctSentences(train).map((d) => d.text)).toEqual(['Taxes rose.', 'Thank you.']);
    // A second set keeps only what the first lacks, so nothing is trained on and scored at once.
    expect(
      distinctSentences(
        [
          { text: 'THANK YOU!', label: 0 },
          { text: 'New one.', label: 1 },
        ],
        train,
      ).map((d) => d.text),
    ).toEqual(['New one.']);
  });
});
