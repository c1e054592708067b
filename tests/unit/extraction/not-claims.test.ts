// Things that are not claims are never proposed, even when the text reaches extraction with them
// (plain text and PDF imports have no markup to drop them by). Made-up fixtures, one per kind.
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../main/extraction/index';

const CLAIM = 'The city council approved a budget of 40 million dollars for the new bridge on Tuesday.';
const proposed = (text: string) => extractClaims({ text: `${CLAIM}\n\n${text}`, published: '2024-05-02' }, { threshold: 0 }).claims;
const quotes = (text: string) => proposed(text).map((c) => c.quote);

describe('not-claims', () => {
  it.each([
    ['a caption with a wire credit', 'Workers repair the bridge deck in March (AFP file)'],
    ['a photo credit', 'Photo by Maria Lopez/Getty Images'],
    ['a picture agency credit line', 'Getty Images'],
    ['a "reported from" credit line', 'Ana Ruiz reported from Lisbon, and Tom Berg from Oslo.'],
    ['a reporting credit', '(Reporting by Ana Ruiz; editing by Tom Berg)'],
    ['a byline', 'By Ana Ruiz and Tom Berg'],
    ['a contributed label', 'Contributed.'],
    ['page furniture', 'Continue reading the main story'],
    ['a newsletter prompt', 'Sign up for our morning newsletter to get every story in your inbox.'],
    ['a copyright line', 'Copyright 2024 Lisbon Daily News Corp. All rights reserved.'],
    ['a date line', 'Updated November 3rd, 2023'],
    ['a pointer to an embedded video', 'What the new bridge will look like is shown in this video:'],
  ])('does not propose %s', (_kind, line) => {
    const found = quotes(line);
    expect(found).toContain(CLAIM);
    expect(found.some((q) => line.includes(q) || q.includes(line))).toBe(false);
  });

  it.each([
    [
      'es',
      'El ayuntamiento aprobó el martes un presupuesto de 40 millones de euros para el nuevo puente.',
      'Puede escribirnos o suscribirse aquí a nuestra newsletter.',
    ],
    ['de', 'Der Stadtrat hat am Dienstag 40 Millionen Euro für die neue Brücke bewilligt.', 'February 1, 2022.'],
  ])('does not propose a punctuated credit or date line in a %s article', (language, claim, line) => {
    const found = extractClaims({ text: `${claim}\n\n${line}`, published: '2024-05-02', language }, { threshold: 0 }).claims.map(
      (c) => c.quote,
    );
    expect(found).toContain(claim);
    expect(found.some((q) => line.includes(q) || q.includes(line))).toBe(false);
  });

  it('still proposes a claim that mentions reading more or newsletters', () => {
    const line = 'People who read more books live two years longer, a study of 3,600 adults found.';
    expect(quotes(line)).toContain(line);
  });

  it('leaves a dateline out of the first claim', () => {
    const claims = extractClaims({
      text: 'LISBON, May 2 (Reuters) - The council approved a budget of 40 million dollars on Tuesday.',
    }).claims;
    expect(claims[0]?.quote.startsWith('The council approved')).toBe(true);
  });

  it("does not propose the writer's first-person narrative", () => {
    const story = 'I remember the summer my father built a boat in the garden. My sister and I painted it blue every year.';
    expect(quotes(story)).toEqual([CLAIM]);
  });

  it("still proposes a source's first-person statement, attributed to the source", () => {
    const claims = proposed('"We have sent 3,000 troops to the border," Defence Minister Ana Ruiz said on Monday.');
    const troops = claims.find((c) => c.quote.includes('3,000 troops'));
    expect(troops?.claimant).toBe('Ana Ruiz');
    expect(troops?.statement).toBe('We have sent 3,000 troops to the border.');
  });
});
