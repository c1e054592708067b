// Fits the Platt scaling that main/extraction/checkworthy/calibration.ts applies.
import { calibrate, logit, type Calibration } from '../../main/extraction/checkworthy/calibration';

/** Fits Platt scaling to (raw score, label) pairs by Newton's method on the log loss (tiny L2 for stability). */
export function fitCalibration(scores: number[], labels: number[]): Calibration {
  let a = 1;
  let b = 0;
  const xs = scores.map(logit);
  for (let iteration = 0; iteration < 50; iteration++) {
    let ga = 1e-4 * (a - 1);
    let gb = 0;
    let haa = 1e-4;
    let hab = 0;
    let hbb = 1e-9;
    xs.forEach((x, i) => {
      const p = calibrate({ a, b }, scores[i]);
      const g = p - labels[i];
      const h = p * (1 - p);
      ga += g * x;
      gb += g;
      haa += h * x * x;
      hab += h * x;
      hbb += h;
    });
    const det = haa * hbb - hab * hab;
    if (!(det > 0)) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-9) break;
  }
  return { a, b };
}
