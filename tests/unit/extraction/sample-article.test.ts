// The bundled sample article, end to end: every claim sentence proposed with the right claimant.
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../main/extraction/index';
import { faithfulness } from '../../../main/extraction/faithful';
import { readSample } from '../../../bench/sample-article';

const { text, published } = readSample();
const result = extractClaims({ text, published, wireAgency: 'AFP' });
const claimStarting = (prefix: string) => result.claims.find((c) => c.quote.startsWith(prefix));

describe('sample article (North Korean troops, 2024-10-25)', () => {
  it('reads the body without the date metadata', () => {
    expect(published).toBe('2024-10-25');
    expect(text.startsWith('North Korea said Friday')).toBe(true);
  });

  it.each([
    ['North Korea said Friday', 'North Korea', 'indirect'],
    ['"If there is such a thing', 'Kim Jong Gyu', 'direct'],
    ['Seoul and Washington have accused', 'Seoul and Washington', 'indirect'],
    ['Ukrainian President Volodymyr Zelensky saying', 'Volodymyr Zelensky', 'indirect'],
    ['Seoul, which has long accused', 'Seoul', 'indirect'],
    ["North Korea's representatives at the United Nations", "North Korea's representatives at the United Nations", 'indirect'],
    ['In the first mention of the issue', 'Kim Jong Gyu', 'direct'],
    ["North Korea's Foreign Ministry", 'Kim Jong Gyu', 'direct'],
    ['Were it to exist', 'Kim Jong Gyu', 'direct'],
    ['"There will evidently exist forces', 'Kim Jong Gyu', 'direct'],
    ['South Korea has slammed', 'South Korea', 'indirect'],
  ])('proposes "%s…" with claimant %s (%s)', (prefix, claimant, kind) => {
    const claim = claimStarting(prefix);
    expect(claim, `no claim starting with ${prefix}`).toBeDefined();
    expect(claim!.claimant).toBe(claimant);
    expect(claim!.kind).toBe(kind);
  });

  it('treats the closing paragraph as asserted by the article itself', () => {
    const claim = claimStarting('Domestic policy bars Seoul')!;
    expect(claim.claimant).toBeNull();
    expect(claim.kind).toBe('reported');
  });

  it('does not propose the photo caption', () => {
    const caption = result.sentences.find((s) => text.slice(s.start, s.end) === 'North Korean leader Kim Jong Un (AFP file)');
    expect(caption?.isCaption).toBe(true);
    expect(result.claims.some((c) => c.quote.includes('(AFP file)'))).toBe(false);
  });

  it('keeps exact offsets for every claim and sentence', () => {
    for (const c of result.claims) expect(text.slice(c.start, c.end)).toBe(c.quote);
    expect(result.sentences).toHaveLength(12);
    for (const s of result.sentences) expect(text.slice(s.start, s.end).trim()).toBe(text.slice(s.start, s.end));
  });

  it('follows the attribution chain from speaker to state agency to wire agency', () => {
    expect(claimStarting('"If there is such a thing')!.attribution).toEqual([
      { name: 'Kim Jong Gyu', role: 'speaker', cue: 'said' },
      { name: 'Korean Central News Agency', role: 'medium' },
      { name: 'AFP', role: 'agency' },
    ]);
    expect(claimStarting('North Korea said Friday')!.attribution.map((h) => h.name)).toEqual(['North Korea', 'state media', 'AFP']);
  });

  it('flags Zelensky\'s "as early as Sunday" as a forecast due on the Sunday after publication', () => {
    const claim = claimStarting('Ukrainian President Volodymyr Zelensky saying')!;
    expect(claim.resolveBy).toBe('2024-10-27');
    expect(claim.statement).toBe('They could be sent into battle as early as Sunday.');
    expect(claimStarting('North Korea said Friday')!.resolveBy).toBeNull();
  });

  it('dates claims to the publication day ("said Friday" is 2024-10-25)', () => {
    expect(claimStarting('North Korea said Friday')!.date).toBe('2024-10-25');
  });

  it('writes statements without attribution or quote marks, a resolved pronoun in brackets', () => {
    expect(claimStarting('In the first mention')!.statement).toBe(
      "[Kim Jong Gyu] had heeded the rumour of the dispatch of Korean People's Army troops to Russia.",
    );
    expect(claimStarting('North Korea said Friday')!.statement).toBe(
      'Any troop deployment to Russia would be in line with international law.',
    );
    expect(claimStarting('"There will evidently')!.statement).toBe(
      'There will evidently exist forces which want to describe it as illegal one.',
    );
  });

  it('keeps every statement faithful to its quote, relative clauses included', () => {
    for (const c of result.claims) expect(faithfulness(c.quote, c.statement), c.statement).toMatchObject({ faithful: true });
    expect(claimStarting('Seoul, which has long accused')!.statement).toMatch(/^Seoul, which has long accused the North/);
  });

  it('merges aliases and gives entity roles per claim', () => {
    const kim = result.entities.find((e) => e.name === 'Kim Jong Gyu')!;
    expect(kim.type).toBe('person');
    expect(kim.aliases).toEqual(expect.arrayContaining(['Kim', 'vice foreign minister']));
    expect(result.entities.find((e) => e.name === 'North Korea')!.aliases).toContain('the North');
    const roles = claimStarting('Seoul and Washington')!.entities.map((e) => `${e.name}:${e.role}`);
    expect(roles).toEqual(expect.arrayContaining(['Seoul:claimant', 'Washington:claimant', 'Russia:subject']));
  });
});
