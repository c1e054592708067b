import { describe, expect, it } from 'vitest';
import { createCrossref } from '../../../main/crossref';
import { claim, tempArchive } from './helpers';
import { deniesTheOther, isDenial } from '../../../main/crossref/denial';

describe('denial flag on similar claims', () => {
  it('flags a real denial', () => {
    expect(isDenial('The mayor did not close the bridge in March.')).toBe(true);
    expect(isDenial('The mayor denied closing the bridge in March.')).toBe(true);
    expect(isDenial('No troops were sent to Russia, the ministry said.')).toBe(true);
    expect(isDenial('The mayor never closed the bridge.')).toBe(true);
    expect(deniesTheOther('The mayor closed the bridge in March.', 'The mayor didn’t close the bridge in March.')).toBe(true);
  });

  it('does not flag "not only … but", idioms, or a negation inside a quoted clause', () => {
    expect(isDenial('Not only did the mayor close the bridge in March, but she also shut the tunnel.')).toBe(false);
    expect(isDenial('The mayor closed the bridge in March, no doubt to cut costs.')).toBe(false);
    expect(isDenial('Critics said "the mayor never listens", and the mayor closed the bridge in March.')).toBe(false);
    expect(isDenial('The council spent no more than €2 million on the bridge.')).toBe(false);
    expect(deniesTheOther('The mayor closed the bridge.', 'Not only did the mayor close the bridge, but she also shut the tunnel.')).toBe(
      false,
    );
  });

  it('the similar-claims list flags the denial and not the "not only" or quoted look-alike', async () => {
    const archive = await tempArchive();
    const base = await claim(archive, { statement: 'The mayor closed the bridge to traffic in March.' });
    const denial = await claim(archive, { statement: 'The mayor did not close the bridge to traffic in March.' });
    const notOnly = await claim(archive, {
      statement: 'Not only did the mayor close the bridge to traffic in March, but she also shut the tunnel.',
    });
    const quoted = await claim(archive, {
      statement: 'Critics said "the mayor never listens", and the mayor closed the bridge to traffic in March.',
    });
    const flags = new Map(
      createCrossref(archive)
        .similar({ claimId: base.id })
        .map((h) => [h.claimId, h.negationMismatch]),
    );
    expect(flags.get(denial.id)).toBe(true);
    expect(flags.get(notOnly.id)).toBe(false);
    expect(flags.get(quoted.id)).toBe(false);
  });
});
