// The shipped check-worthiness model: loads, scores in [0,1], ranks sentences sensibly, and its parts
// (word vectors, training, serialisation, cross-validation) behave as the eval and the app rely on.
import { describe, expect, it } from 'vitest';
import model from '../../../resources/models/checkworthy.json' with { type: 'json' };
import lexiconFile from '../../../resources/models/checkworthy-lexicon.json' with { type: 'json' };
import { AppError } from '../../../shared/errors';
import { scoreSentences } from '../../../main/extraction/index';
import { crossValidatedScores } from '../../../scripts/training/crossval';
import { trainCheckworthy } from '../../../scripts/training/ensemble';
import { lexiconTokens, loadLexicon, restrictLexicon, toLexiconFile } from '../../../main/extraction/checkworthy/lexicon';
import { createScorer, toModelFile } from '../../../main/extraction/checkworthy/model';
import type { LabelledSentence } from '../../../scripts/training/logistic';
import { seededRandom } from '../../../main/util/random';

const lexicon = loadLexicon(lexiconFile);

/** A small hand-made lexicon: random 8-d vectors, numbers-and-money words share one direction. */
function tinyLexicon(words: string[]) {
  const random = seededRandom(5);
  const vectors = new Float32Array(words.length * 8).map(() => random() - 0.5);
  const clusters = new Uint8Array(words.length).map((_, i) => i % 4);
  const file = toLexiconFile(words, vectors, clusters, { clusters: 4, frequentWords: words.length, source: 'test', license: 'test' });
  return { file, vectors, lexicon: loadLexicon(JSON.parse(JSON.stringify(file))) };
}

const TINY_WORDS =
  'taxes rose percent in the city has million residents exports fell by a third last year thank you very much what wonderful crowd i love this town rents'.split(
    ' ',
  );
const TINY_DATA: LabelledSentence[] = [
  ...['Taxes rose 10 percent in 2020.', 'The city has 2 million residents.', 'Exports fell by a third last year.'].map((text) => ({
    text,
    label: 1 as const,
  })),
  ...['Thank you very much.', 'What a wonderful crowd!', 'I love this town.'].map((text) => ({ text, label: 0 as const })),
];

describe('check-worthiness model', () => {
  it('ships small files with their data source and licence notes', () => {
    const bytes = JSON.stringify(model).length + JSON.stringify(lexiconFile).length;
    expect(bytes).toBeLessThan(5_000_000);
    expect(model.meta.dataSource).toMatch(/ClaimBuster/);
    expect(model.meta.license).toMatch(/research/i);
    expect(lexiconFile.meta.license).toMatch(/GloVe/);
    expect(lexicon.words.length).toBeGreaterThan(20_000);
  });

  it('scores every sentence in [0,1], including empty and odd input', () => {
    const scores = scoreSentences(['', '   ', '?!', 'ümlaut ünïcödé 🙂', 'x'.repeat(20_000), 'The GDP grew 3%.', "Don't won't can't 's"]);
    expect(scores).toHaveLength(7);
    for (const s of scores) expect(s >= 0 && s <= 1).toBe(true);
    expect(scoreSentences([])).toEqual([]);
  });

  it('ranks numeric, attributed and comparative claims above opinions, questions and procedure', () => {
    const [factual, comparative, attributed, opinion, question, procedural] = scoreSentences([
      'Unemployment fell to 3.5 percent in 2019, the lowest rate in 50 years.',
      'Our state now spends more per student than any other state in the country.',
      'The Federal deficit has come down $70 billion in one year, in 1987.',
      'I think we should do better as a country.',
      'How are you all doing tonight?',
      'Thank you, and please welcome our next speaker.',
    ]);
    for (const low of [opinion, question, procedural]) {
      expect(factual).toBeGreaterThan(low);
      expect(comparative).toBeGreaterThan(low);
      expect(attributed).toBeGreaterThan(low);
    }
    expect(factual).toBeGreaterThan(0.5);
    expect(question).toBeLessThan(0.5);
    expect(opinion).toBeLessThan(0.5);
  });

  it('rejects a damaged model file with a clear error', () => {
    const linear = { ...model.linear, weights: model.linear.weights.slice(1) };
    expect(() => createScorer({ ...model, linear }, lexicon)).toThrow(AppError);
    const [net] = model.neural.nets;
    const neural = { ...model.neural, nets: [{ ...net, w1: net.w1.slice(1) }] };
    expect(() => createScorer({ ...model, neural }, lexicon)).toThrow(/inconsistent layer sizes/);
    expect(() => createScorer({ meta: { name: 'other' } }, lexicon)).toThrow(/damaged/);
  });

  it('rejects damaged word vectors with a clear error', () => {
    const truncated = { ...lexiconFile, vectors: lexiconFile.vectors.slice(0, 1000) };
    expect(() => loadLexicon(truncated)).toThrow(AppError);
    expect(() => loadLexicon(truncated)).toThrow(/word vectors are damaged/);
    expect(() => loadLexicon({ ...lexiconFile, scales: lexiconFile.scales.slice(0, 7) })).toThrow(/truncated/);
    expect(() => loadLexicon({ meta: {} })).toThrow(AppError);
  });

  it('a model trained by the training code round-trips through its JSON form', () => {
    const { lexicon: tiny } = tinyLexicon(TINY_WORDS);
    const trained = trainCheckworthy(TINY_DATA, tiny, { linear: { epochs: 30, learningRate: 0.3, l2: 1e-4, positiveWeight: 1, seed: 1 } });
    const file = JSON.parse(JSON.stringify(toModelFile(trained, { dataSource: 'test', license: 'test' })));
    const scorer = createScorer(file, tiny);
    expect(scorer.score('Rents rose 5 percent in 2021.')).toBeGreaterThan(scorer.score('Thank you, what a crowd!'));
    // The same file does not fit word vectors of another size: refused, not misread.
    expect(() => createScorer(file, lexicon)).toThrow(/network inputs/);
  });
});

describe('check-worthiness word vectors', () => {
  it('keep their direction through int8 quantisation', () => {
    const { vectors, lexicon: tiny } = tinyLexicon(TINY_WORDS);
    for (let w = 0; w < TINY_WORDS.length; w++) {
      const a = vectors.subarray(w * 8, w * 8 + 8);
      const b = tiny.vectors.subarray(w * 8, w * 8 + 8);
      const dot = a.reduce((s, v, d) => s + v * b[d], 0);
      const cosine = dot / Math.hypot(...a) / Math.hypot(...b);
      expect(cosine).toBeGreaterThan(0.999);
    }
  });

  it('split contractions the way the vectors were trained and skip unknown words', () => {
    const words = (s: string) => lexiconTokens(lexicon, s).map((id) => lexicon.words[id]);
    expect(words("We don't know, they can't say and it won't matter.")).toEqual([
      'we',
      'do',
      'not',
      'know',
      'they',
      'can',
      'not',
      'say',
      'and',
      'it',
      'will',
      'not',
      'matter',
    ]);
    expect(words('Qzxwv blorptastic tax')).toEqual(['tax']);
  });

  it('can be narrowed to frequent words plus a training vocabulary', () => {
    const rare = lexicon.words[lexicon.words.length - 1];
    expect(lexicon.indexOf.has(rare)).toBe(true);
    expect(restrictLexicon(lexicon, []).indexOf.has(rare)).toBe(false);
    expect(restrictLexicon(lexicon, [rare]).indexOf.has(rare)).toBe(true);
    expect(restrictLexicon(lexicon, []).indexOf.has('the')).toBe(true);
  });
});

describe('check-worthiness cross-validation', () => {
  it('never scores a sentence with a model that saw it', () => {
    const data: LabelledSentence[] = Array.from({ length: 50 }, (_, i) => ({ text: `sentence ${i}`, label: (i % 2) as 0 | 1 }));
    const extra: LabelledSentence[] = [{ text: 'extra', label: 1 }];
    const seen: string[][] = [];
    const memoriser = (train: LabelledSentence[]) => {
      const known = new Set(train.map((d) => d.text));
      seen.push([...known]);
      return (s: string) => (known.has(s) ? 1 : 0);
    };
    expect(crossValidatedScores(data, 5, memoriser, 1, extra)).toEqual(new Array(50).fill(0));
    expect(seen).toHaveLength(5);
    for (const trained of seen) expect(trained).toContain('extra');
  });
});
