// The shipped check-worthiness model: loads, scores in [0,1], and ranks sentences sensibly.
import { describe, expect, it } from 'vitest';
import model from '../../../resources/models/checkworthy.json' with { type: 'json' };
import { AppError } from '../../../main/api/errors';
import { scoreSentences } from '../../../main/extraction/index';
import { createScorer, toModelFile } from '../../../main/extraction/checkworthy/model';
import { trainLogistic } from '../../../main/extraction/checkworthy/train';

describe('check-worthiness model', () => {
  it('ships a small model with its data source and licence note', () => {
    expect(JSON.stringify(model).length).toBeLessThan(2_000_000);
    expect(model.meta.dataSource).toMatch(/ClaimBuster/);
    expect(model.meta.license).toMatch(/research/i);
    expect(model.indices.length).toBe(model.weights.length);
  });

  it('scores every sentence in [0,1], including empty and odd input', () => {
    const scores = scoreSentences(['', '   ', '?!', 'ümlaut ünïcödé 🙂', 'x'.repeat(20_000), 'The GDP grew 3%.']);
    expect(scores).toHaveLength(6);
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
    expect(() => createScorer({ ...model, weights: model.weights.slice(1) })).toThrow(AppError);
    expect(() => createScorer({ meta: { name: 'other' } })).toThrow(/damaged/);
  });

  it('a model trained by the training code round-trips through its JSON form', () => {
    const data = [
      ...['Taxes rose 10 percent in 2020.', 'The city has 2 million residents.', 'Exports fell by a third last year.'].map((text) => ({
        text,
        label: 1 as const,
      })),
      ...['Thank you very much.', 'What a wonderful crowd!', 'I love this town.'].map((text) => ({ text, label: 0 as const })),
    ];
    const trained = trainLogistic(data, { epochs: 30 });
    const scorer = createScorer(JSON.parse(JSON.stringify(toModelFile(trained, { version: 1, dataSource: 'test', license: 'test' }))));
    expect(scorer.score('Rents rose 5 percent in 2021.')).toBeGreaterThan(scorer.score('Thank you, what a crowd!'));
  });
});
