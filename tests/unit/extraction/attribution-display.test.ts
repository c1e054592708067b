// What the reader and the claim editor show for a proposal's speaker: the phrase as written and what it
// was resolved to, the cue, and an unsure mark that goes away once the researcher edits or confirms it.
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../main/extraction/index';
import { AttributionHop, NewClaim } from '../../../shared/domain';
import { confirmed, speakerHop, speakerNote } from '../../../renderer/lib/speaker';

describe('speaker resolution shown to the researcher', () => {
  const text = 'Deputy Minister Kim Jong Gyu spoke on Friday.\n\n"Our troops are not in Russia," he said.';
  const claim = extractClaims({ text, published: '2024-10-25' }, { threshold: 0 }).claims.find((c) => c.quote.startsWith('"Our'))!;

  it('reads "he → Kim Jong Gyu · cue “said”" for a resolved pronoun', () => {
    const note = speakerNote(speakerHop(claim.attribution));
    expect(note?.resolution).toBe('he → Kim Jong Gyu');
    expect(note?.cue).toBe('cue “said”');
  });

  it('keeps cue, phrase and doubt through the stored claim schema (suggestion payloads and claims)', () => {
    const hop = { name: 'Kim Jong Gyu', role: 'speaker', cue: 'said', as: 'he', unsure: true } as const;
    expect(AttributionHop.parse(hop)).toEqual(hop);
    const stored = NewClaim.parse({ statement: 'Our troops are not in Russia.', attribution: claim.attribution });
    expect(stored.attribution[0]).toMatchObject({ name: 'Kim Jong Gyu', as: 'he', cue: 'said' });
  });

  it('shows an unsure pick as unsure until the researcher confirms or renames it', () => {
    const hop: AttributionHop = { name: 'Tom Avery', role: 'speaker', as: 'he', cue: 'said', unsure: true };
    expect(speakerNote(hop)?.unsure).toBe(true);
    expect(speakerNote(hop)?.text).toMatch(/unsure/);
    expect(speakerNote(confirmed(hop))?.unsure).toBe(false);
    expect(confirmed(hop)).toEqual({ name: 'Tom Avery', role: 'speaker', as: 'he', cue: 'said' });
  });

  it('shows nothing extra for a hop typed by hand', () => {
    expect(speakerNote({ name: 'Reuters', role: 'agency' })).toBeNull();
  });
});
