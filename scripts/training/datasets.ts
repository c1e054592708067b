// Readers for the labelled check-worthiness data sets used by the training and evaluation scripts.
// The data stays in the shared data folder (research use only); only our weights are shipped.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import type { LabelledSentence } from './logistic';

/** Splits delimited text where a field may be wrapped in double quotes ("" escapes a quote). */
export function parseDelimited(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let atFieldStart = true;
  const endField = () => {
    row.push(field);
    field = '';
    atFieldStart = true;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[i++];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
    } else if (c === delimiter) endField();
    else if (c === '\n') {
      endField();
      rows.push(row);
      row = [];
    } else if (c !== '\r') {
      field += c;
      atFieldStart = false;
    }
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

function readTable(path: string, delimiter: string): Record<string, string>[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new AppError('IO', `Cannot read data set ${path}: ${(err as Error).message}`);
  }
  const [header, ...rows] = parseDelimited(text, delimiter);
  if (!header) throw new AppError('PARSE_FAILED', `Data set ${path} is empty`);
  return rows.filter((r) => r.length === header.length).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

function labelled(rows: Record<string, string>[], textColumn: string, labelColumn: string, path: string): LabelledSentence[] {
  const out = rows.map((r) => ({ text: (r[textColumn] ?? '').trim(), label: (r[labelColumn]?.trim() === '1' ? 1 : 0) as 0 | 1 }));
  if (out.length === 0 || out.every((d) => !d.text)) {
    throw new AppError('PARSE_FAILED', `Data set ${path} has no "${textColumn}"/"${labelColumn}" rows`);
  }
  return out.filter((d) => d.text);
}

/** ClaimBuster 1,500-sentence sample: sentence_id,label,text (1 = check-worthy factual sentence). */
export function readClaimBusterSample(dir: string): LabelledSentence[] {
  const path = join(dir, 'claimbuster', 'kfold_25ncs_sample1500.csv');
  return labelled(readTable(path, ','), 'text', 'label', path);
}

/** ClaimBuster sentences from a 2020 debate (same labels). */
export function readClaimBusterDebate2020(dir: string): LabelledSentence[] {
  const path = join(dir, 'claimbuster', '2020_debate.tsv');
  return labelled(readTable(path, '\t'), 'text', 'label', path);
}

/** CheckThat! 2020 task 1 (tweets): tweet_text with the claim_worthiness gold label. */
export function readCheckThatTweets(dir: string): LabelledSentence[] {
  const path = join(dir, 'clef2020-task1-tweets', 'test-gold.tsv');
  return labelled(readTable(path, '\t'), 'tweet_text', 'claim_worthiness', path);
}

/** CheckThat! 2020 task 5 (debate sentences, first 2,000 of the test set). */
export function readCheckThatDebates(dir: string): LabelledSentence[] {
  const path = join(dir, 'clef2020-task5-debates', 'test-gold_first2000.tsv');
  return labelled(readTable(path, '\t'), 'text', 'label', path);
}

/** ClaimBuster training split (utaresearch/claimbuster-spotter two_class/train.json): sentence_id,label,text. */
export function readClaimBusterTrain(dir: string): LabelledSentence[] {
  const path = join(dir, 'claimbuster', 'train.csv');
  return labelled(readTable(path, ','), 'text', 'label', path);
}

/** CheckThat! 2019 task 1 training lines (debates and speeches; fact-checkers' picks are 1). */
export function readCheckThat2019(dir: string): LabelledSentence[] {
  const path = join(dir, 'clef2019-task1-debates', 'CT19-T1-Training.csv');
  return labelled(readTable(path, ','), 'text', 'label', path);
}

/** The key two sentences share when they are the same sentence up to case, spacing and punctuation. */
export function sentenceKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Drops repeated sentences (by sentenceKey), and every sentence whose key is in `exclude`. */
export function distinctSentences(data: LabelledSentence[], exclude: Iterable<LabelledSentence> = []): LabelledSentence[] {
  const seen = new Set([...exclude].map((d) => sentenceKey(d.text)));
  return data.filter((d) => {
    const key = sentenceKey(d.text);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
