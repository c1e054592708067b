// Trains the check-worthiness model and writes resources/models/checkworthy.json (model card:
// resources/models/checkworthy.md).
// Usage: npx tsx scripts/train-checkworthy.ts [DATA_DIR=../shared/data/claims] [OUT=resources/models/checkworthy.json]
// Training data: ClaimBuster's training split (claimbuster/train.csv, repeated sentences dropped) plus the
// sentences of the 1,500-sentence ClaimBuster sample that are not in it. The held-out evaluation sets
// (ClaimBuster 2020 debate, CheckThat! 2020 tweets and debates) are never trained on, so the held-out
// figures of bench/eval-claims.ts describe these weights. Calibration: Platt scaling fitted to 5-fold
// out-of-fold scores of the same data (the folds of bench/eval-claims.ts). The word vectors come from
// resources/models/checkworthy-lexicon.json (scripts/build-checkworthy-lexicon.ts).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import lexiconFile from '../resources/models/checkworthy-lexicon.json' with { type: 'json' };
import { fitCalibration } from './training/calibration';
import { crossValidatedScores, ensembleTrainer } from './training/crossval';
import * as datasets from './training/datasets';
import { DEFAULT_ENSEMBLE_OPTIONS, trainCheckworthy } from './training/ensemble';
import { loadLexicon } from '../main/extraction/checkworthy/lexicon';
import { toModelFile } from '../main/extraction/checkworthy/model';

const FOLDS = 5;
const FOLD_SEED = 1;
const dataDir = resolve(process.argv[2] ?? '../shared/data/claims');
const outPath = resolve(process.argv[3] ?? 'resources/models/checkworthy.json');

const lexicon = loadLexicon(lexiconFile);
const cbTrain = datasets.distinctSentences(datasets.readClaimBusterTrain(dataDir));
const heldOut = [
  ...datasets.readClaimBusterDebate2020(dataDir),
  ...datasets.readCheckThatTweets(dataDir),
  ...datasets.readCheckThatDebates(dataDir),
];
const sampleExtra = datasets.distinctSentences(datasets.readClaimBusterSample(dataDir), [...cbTrain, ...heldOut]);
const data = [...cbTrain, ...sampleExtra];

const outOfFold = crossValidatedScores(cbTrain, FOLDS, ensembleTrainer(lexicon), FOLD_SEED, sampleExtra);
const calibration = fitCalibration(
  outOfFold,
  cbTrain.map((d) => d.label),
);
const model = { ...trainCheckworthy(data, lexicon, DEFAULT_ENSEMBLE_OPTIONS), calibration };
const file = toModelFile(model, {
  dataSource: `ClaimBuster dataset (claimbuster/train.csv + the sentences of kfold_25ncs_sample1500.csv not in it: ${data.length} sentences, ${data.filter((d) => d.label === 1).length} check-worthy)`,
  license:
    "Weights are Claimdesk's own (MIT). They were learned from the ClaimBuster dataset (Arslan et al., ICWSM 2020; CC BY 4.0, research use); the data itself is not shipped.",
  model:
    'blend of a logistic regression on hashed word 1-2-grams, character 3-5-grams, word-cluster 1-2-grams and cues, and a bag of one-hidden-layer networks on the mean word vector (main/extraction/checkworthy/ensemble.ts), Platt-calibrated on 5-fold out-of-fold scores',
  training: DEFAULT_ENSEMBLE_OPTIONS,
  createdBy: 'scripts/train-checkworthy.ts',
});
const json = JSON.stringify(file);
writeFileSync(outPath, json);
console.log(
  JSON.stringify({
    out: outPath,
    sentences: data.length,
    calibration,
    linearWeights: file.linear.indices.length,
    nets: file.neural.nets.length,
    bytes: json.length,
  }),
);
