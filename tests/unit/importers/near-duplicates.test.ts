import { describe, expect, it } from 'vitest';
import { createNearDuplicateIndex } from '../../../main/importers/near-duplicates';

const WORDS = 'port council budget river school harbour minister inquiry festival bridge rail election court hospital storm museum'.split(
  ' ',
);

/** A made-up story of `n` sentences, different for each seed. */
function story(seed: number, n = 12): string {
  const sentences: string[] = [];
  for (let i = 0; i < n; i++) {
    const w = (k: number) => WORDS[(seed * 7 + i * 3 + k * 5 + ((seed * (i + 1)) % 11)) % WORDS.length];
    sentences.push(`Story ${seed} line ${i}: the ${w(0)} and the ${w(1)} met the ${w(2)} near the ${w(3)} on day ${seed + i}.`);
  }
  return sentences.join(' ');
}

describe('near-duplicate articles', () => {
  it('finds the wire story re-published with a new headline and a trimmed last paragraph, among many others', () => {
    const index = createNearDuplicateIndex();
    for (let id = 1; id <= 3_000; id++) index.add(id, story(id));
    const original = story(1234);
    const republished = `Harbour row deepens. ${original.slice(0, original.lastIndexOf('Story 1234 line 11'))}`;
    expect(index.find(republished)).toEqual({ id: 1234, similarity: expect.any(Number) });
    expect(index.find(republished)!.similarity).toBeGreaterThanOrEqual(0.8);
  });

  it('does not call a different story a duplicate, and names the earliest of identical copies', () => {
    const index = createNearDuplicateIndex();
    for (let id = 1; id <= 500; id++) index.add(id, story(id));
    expect(index.find(story(9_999))).toBeNull();
    index.add(600, story(42));
    expect(index.find(story(42))).toEqual({ id: 42, similarity: 1 });
    expect(index.size()).toBe(501);
  });
});
