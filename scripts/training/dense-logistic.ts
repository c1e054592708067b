// L2-regularised logistic regression on dense vectors, fitted exactly by Newton's method (a few
// iterations on a few hundred dimensions). Evaluation only: bench/eval-claims-encoder.ts fits it to
// sentence-encoder embeddings; the app never runs it.

export interface DenseLogistic {
  weights: Float64Array;
  bias: number;
}

export interface DenseLogisticOptions {
  l2: number;
  positiveWeight: number;
  maxIterations: number;
}

export const DEFAULT_DENSE_LOGISTIC: DenseLogisticOptions = { l2: 0.3, positiveWeight: 1.5, maxIterations: 30 };

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** Solves A x = b in place for a symmetric positive-definite A (row-major, n × n) by Cholesky. */
function solveSpd(a: Float64Array, b: Float64Array, n: number): Float64Array {
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j];
    for (let k = 0; k < j; k++) d -= a[j * n + k] ** 2;
    if (d <= 0) throw new Error('Newton step: the Hessian is not positive definite');
    const ljj = Math.sqrt(d);
    a[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= a[i * n + k] * a[j * n + k];
      a[i * n + j] = s / ljj;
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= a[i * n + k] * y[k];
    y[i] = s / a[i * n + i];
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < n; k++) s -= a[k * n + i] * x[k];
    x[i] = s / a[i * n + i];
  }
  return x;
}

export function denseProbability(model: DenseLogistic, x: ArrayLike<number>): number {
  let z = model.bias;
  for (let j = 0; j < x.length; j++) z += model.weights[j] * x[j];
  return sigmoid(z);
}

/** Fits the model to rows `xs` with 0/1 labels; the bias is not regularised. */
export function trainDenseLogistic(xs: ArrayLike<number>[], labels: number[], options: Partial<DenseLogisticOptions> = {}): DenseLogistic {
  const opt = { ...DEFAULT_DENSE_LOGISTIC, ...options };
  const dims = xs[0]?.length ?? 0;
  const n = dims + 1; // last coordinate is the bias
  const theta = new Float64Array(n);
  const weights = labels.map((y) => (y === 1 ? opt.positiveWeight : 1));
  const row = new Float64Array(n);
  for (let iteration = 0; iteration < opt.maxIterations; iteration++) {
    const hessian = new Float64Array(n * n);
    const gradient = new Float64Array(n);
    xs.forEach((x, i) => {
      for (let j = 0; j < dims; j++) row[j] = x[j];
      row[dims] = 1;
      let z = 0;
      for (let j = 0; j < n; j++) z += theta[j] * row[j];
      const p = sigmoid(z);
      const g = (p - labels[i]) * weights[i];
      const h = p * (1 - p) * weights[i];
      for (let j = 0; j < n; j++) {
        gradient[j] += g * row[j];
        const hj = h * row[j];
        if (hj === 0) continue;
        for (let k = 0; k <= j; k++) hessian[j * n + k] += hj * row[k];
      }
    });
    for (let j = 0; j < n; j++) for (let k = j + 1; k < n; k++) hessian[j * n + k] = hessian[k * n + j];
    for (let j = 0; j < dims; j++) {
      gradient[j] += opt.l2 * theta[j];
      hessian[j * n + j] += opt.l2;
    }
    hessian[dims * n + dims] += 1e-9;
    const step = solveSpd(hessian, gradient, n);
    let largest = 0;
    for (let j = 0; j < n; j++) {
      theta[j] -= step[j];
      largest = Math.max(largest, Math.abs(step[j]));
    }
    if (largest < 1e-6) break;
  }
  return { weights: theta.slice(0, dims), bias: theta[dims] };
}
