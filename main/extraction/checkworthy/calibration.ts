// Calibration of the check-worthiness score (Platt scaling on out-of-fold scores), so the app's
// thresholds mean what they say: of the sentences scored about 0.7, about 70% are check-worthy.
// Fitting it is scripts/training/calibration.ts; the app only applies it.
/** Platt scaling on the logit of a raw score: calibrated = sigmoid(a · logit(raw) + b). */
export interface Calibration {
  a: number;
  b: number;
}

export const logit = (p: number): number => {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.log(q / (1 - q));
};

export function calibrate(c: Calibration, raw: number): number {
  const z = c.a * logit(raw) + c.b;
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}
