// Trains the check-worthiness model and writes resources/models/checkworthy.json.
// Usage: npx tsx scripts/train-checkworthy.ts [DATA_DIR=../shared/data/claims] [OUT=resources/models/checkworthy.json]
// DATA_DIR must contain claimbuster/kfold_25ncs_sample1500.csv and claimbuster/2020_debate.tsv.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readClaimBusterDebate2020, readClaimBusterSample } from '../main/extraction/checkworthy/datasets';
import { toModelFile } from '../main/extraction/checkworthy/model';
import { DEFAULT_TRAIN_OPTIONS, trainLogistic } from '../main/extraction/checkworthy/train';

const dataDir = resolve(process.argv[2] ?? '../shared/data/claims');
const outPath = resolve(process.argv[3] ?? 'resources/models/checkworthy.json');

const data = [...readClaimBusterSample(dataDir), ...readClaimBusterDebate2020(dataDir)];
const model = trainLogistic(data, DEFAULT_TRAIN_OPTIONS);
const file = toModelFile(model, {
  version: 1,
  dataSource: `ClaimBuster dataset (kfold_25ncs_sample1500.csv + 2020_debate.tsv, ${data.length} sentences, ${data.filter((d) => d.label === 1).length} check-worthy)`,
  license:
    "Weights are Claimdesk's own (MIT). They were learned from the ClaimBuster dataset (Arslan et al., 2020), which is for research use; the data itself is not shipped.",
  model: 'logistic regression on hashed word 1-2-grams, character 3-5-grams and cue features (main/extraction/checkworthy/features.ts)',
  training: DEFAULT_TRAIN_OPTIONS,
  createdBy: 'scripts/train-checkworthy.ts',
});
writeFileSync(outPath, JSON.stringify(file));
console.log(JSON.stringify({ out: outPath, sentences: data.length, weights: file.indices.length, bytes: JSON.stringify(file).length }));
