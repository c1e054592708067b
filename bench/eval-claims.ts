// Measures the check-worthiness model. Usage: npm run eval:claims [-- DATA_DIR=../shared/data/claims] [--quick] [--with-ct19]
// - ClaimBuster training split (claimbuster/train.csv, 7,974 sentences; repeated sentences dropped):
//   5-fold cross-validation. Each fold is scored by a model trained on the other four folds plus the
//   sentences of the 1,500-sentence ClaimBuster sample that are not in train.csv (the two overlap;
//   sample sentences that are in train.csv are only ever used as train.csv rows, so none can reach
//   training from the side). The word vectors a fold's model may use are the frequent English words
//   plus its own training words (crossval.ensembleTrainer), so test sentences get nothing the app
//   would lack for unseen text.
// - Calibration: Platt scaling of the out-of-fold scores; for the figures, each fold's scores are
//   mapped by a calibration fitted to the other folds (crossFittedCalibration). Printed: P/R/F1 at the
//   app's proposal threshold (0.5) and precision at the "Accept all" default (0.7), raw and calibrated,
//   and the reliability table (share check-worthy per calibrated score band).
// - Held-out sets, scored by a model trained on all of train.csv + the sample's extra sentences (never
//   on them): ClaimBuster's 2020 debate, CheckThat! 2020 task 1 (tweets) and task 5 (debates).
// --quick: one fold only (train on four fifths, score the fifth), no held-out sets — for trying ideas.
// --with-ct19: CheckThat! 2019 task 1 lines join every training set (minus any sentence that is in
//   train.csv or a held-out set).
// Hyperparameters are fixed in ensemble.ts (chosen on fold 0 of another fold split, seed 7); nothing
// here is tuned on the reported folds.
import { resolve } from 'node:path';
import shippedLexicon from '../resources/models/checkworthy-lexicon.json' with { type: 'json' };
import { calibrate } from '../main/extraction/checkworthy/calibration';
import { fitCalibration } from '../scripts/training/calibration';
import {
  crossFittedCalibration,
  crossValidatedScores,
  ensembleTrainer,
  foldsOf,
  metricsAt,
  type Metrics,
} from '../scripts/training/crossval';
import * as datasets from '../scripts/training/datasets';
import { loadLexicon } from '../main/extraction/checkworthy/lexicon';
import type { LabelledSentence } from '../scripts/training/logistic';

const PROPOSAL_THRESHOLD = 0.5; // main/extraction/index.ts DEFAULT_THRESHOLD
const ACCEPT_ALL_THRESHOLD = 0.7; // renderer/components/reader/SuggestionsPanel.svelte default
const FOLDS = 5;
const FOLD_SEED = 1;
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const withCt19 = args.includes('--with-ct19');
const dataDir = resolve(args.find((a) => !a.startsWith('--')) ?? '../shared/data/claims');

const r3 = (x: number) => Number(x.toFixed(3));
function rounded(m: Metrics): Record<string, number> {
  return Object.fromEntries(Object.entries(m).map(([k, v]) => [k, r3(v)]));
}
const labelsOf = (data: LabelledSentence[]) => data.map((d) => d.label as number);

function reliability(scores: number[], labels: number[]): { band: string; sentences: number; checkworthy: number }[] {
  const bands = [0, 0.1, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001];
  return bands.slice(1).map((hi, k) => {
    const inBand = scores.map((s, i) => i).filter((i) => scores[i] >= bands[k] && scores[i] < hi);
    const positives = inBand.filter((i) => labels[i] === 1).length;
    return {
      band: `${bands[k].toFixed(1)}–${Math.min(hi, 1).toFixed(1)}`,
      sentences: inBand.length,
      checkworthy: r3(positives / (inBand.length || 1)),
    };
  });
}
const train = ensembleTrainer(loadLexicon(shippedLexicon));

const cbTrain = datasets.distinctSentences(datasets.readClaimBusterTrain(dataDir));
const debate2020 = datasets.readClaimBusterDebate2020(dataDir);
const tweets = datasets.readCheckThatTweets(dataDir);
const debates2020Task5 = datasets.readCheckThatDebates(dataDir);
const heldOut = [...debate2020, ...tweets, ...debates2020Task5];
const sampleExtra = datasets.distinctSentences(datasets.readClaimBusterSample(dataDir), [...cbTrain, ...heldOut]);
const ct19 = withCt19 ? datasets.distinctSentences(datasets.readCheckThat2019(dataDir), [...cbTrain, ...sampleExtra, ...heldOut]) : [];
const extra = [...sampleExtra, ...ct19];
const labels = labelsOf(cbTrain);
const t0 = performance.now();

const results: Record<string, unknown> = {
  data: {
    trainCsvDistinct: cbTrain.length,
    positives: labels.filter((y) => y === 1).length,
    sampleExtra: sampleExtra.length,
    ct19: ct19.length,
  },
};
if (quick) {
  const fold = foldsOf(cbTrain.length, FOLDS, FOLD_SEED);
  const score = train([...cbTrain.filter((_, i) => fold[i] !== 0), ...extra]);
  const test = cbTrain.filter((_, i) => fold[i] === 0);
  results.fold0 = rounded(
    metricsAt(
      test.map((d) => score(d.text)),
      labelsOf(test),
      PROPOSAL_THRESHOLD,
    ),
  );
} else {
  const raw = crossValidatedScores(cbTrain, FOLDS, train, FOLD_SEED, extra);
  const calibrated = crossFittedCalibration(raw, labels, FOLDS, FOLD_SEED + 1);
  const c = fitCalibration(raw, labels);
  results.trainCsv5FoldCV = {
    raw: rounded(metricsAt(raw, labels, PROPOSAL_THRESHOLD)),
    calibrated: rounded(metricsAt(calibrated, labels, PROPOSAL_THRESHOLD)),
    acceptAllAt70: {
      raw: {
        precision: r3(metricsAt(raw, labels, ACCEPT_ALL_THRESHOLD).precision),
        recall: r3(metricsAt(raw, labels, ACCEPT_ALL_THRESHOLD).recall),
      },
      calibrated: {
        precision: r3(metricsAt(calibrated, labels, ACCEPT_ALL_THRESHOLD).precision),
        recall: r3(metricsAt(calibrated, labels, ACCEPT_ALL_THRESHOLD).recall),
      },
    },
    calibration: { a: r3(c.a), b: r3(c.b) },
    // Reliability of the calibrated scores: in each score band, the share that is check-worthy.
    reliability: reliability(calibrated, labels),
  };
  const shippedLike = train([...cbTrain, ...extra]);
  const evaluate = (data: LabelledSentence[]) => {
    const scores = data.map((d) => calibrate(c, shippedLike(d.text)));
    return rounded(metricsAt(scores, labelsOf(data), PROPOSAL_THRESHOLD));
  };
  results.heldOut = {
    claimbuster2020Debate: evaluate(debate2020),
    checkThat2020Task1Tweets: evaluate(tweets),
    checkThat2020Task5Debates: evaluate(debates2020Task5),
  };
}
results.seconds = Math.round((performance.now() - t0) / 1000);
console.log(JSON.stringify(results, null, 2));
