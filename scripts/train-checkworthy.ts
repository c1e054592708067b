// Trains the check-worthiness model and writes resources/models/checkworthy.json.
// Usage: npx tsx scripts/train-checkworthy.ts [DATA_DIR=../shared/data/claims] [OUT=resources/models/checkworthy.json]
// DATA_DIR must contain claimbuster/kfold_25ncs_sample1500.csv and claimbuster/2020_debate.tsv. The word
// vectors come from resources/models/checkworthy-lexicon.json (scripts/build-checkworthy-lexicon.ts).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import lexiconFile from '../resources/models/checkworthy-lexicon.json' with { type: 'json' };
import { readClaimBusterDebate2020, readClaimBusterSample } from '../main/extraction/checkworthy/datasets';
import { DEFAULT_ENSEMBLE_OPTIONS, trainCheckworthy } from '../main/extraction/checkworthy/ensemble';
import { loadLexicon } from '../main/extraction/checkworthy/lexicon';
import { toModelFile } from '../main/extraction/checkworthy/model';

const dataDir = resolve(process.argv[2] ?? '../shared/data/claims');
const outPath = resolve(process.argv[3] ?? 'resources/models/checkworthy.json');

const data = [...readClaimBusterSample(dataDir), ...readClaimBusterDebate2020(dataDir)];
const model = trainCheckworthy(data, loadLexicon(lexiconFile), DEFAULT_ENSEMBLE_OPTIONS);
const file = toModelFile(model, {
  dataSource: `ClaimBuster dataset (kfold_25ncs_sample1500.csv + 2020_debate.tsv, ${data.length} sentences, ${data.filter((d) => d.label === 1).length} check-worthy)`,
  license:
    "Weights are Claimdesk's own (MIT). They were learned from the ClaimBuster dataset (Arslan et al., 2020), which is for research use; the data itself is not shipped.",
  model:
    'blend of a logistic regression on hashed word 1-2-grams, character 3-5-grams, word-cluster 1-2-grams and cues, and a bag of one-hidden-layer networks on the mean word vector (main/extraction/checkworthy/ensemble.ts)',
  training: DEFAULT_ENSEMBLE_OPTIONS,
  createdBy: 'scripts/train-checkworthy.ts',
});
const json = JSON.stringify(file);
writeFileSync(outPath, json);
console.log(
  JSON.stringify({
    out: outPath,
    sentences: data.length,
    linearWeights: file.linear.indices.length,
    nets: file.neural.nets.length,
    bytes: json.length,
  }),
);
