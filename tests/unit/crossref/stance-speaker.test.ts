// Stance from the speaker's own words, on made-up sentences: the attribution's verb ("denied that",
// "rejected reports that", "declined to confirm") decides; negation inside the claim does not make the
// speaker deny it; a speaker never disputes what they claim; every decided stance names its cue.
import { describe, expect, it } from 'vitest';
import { createCrossref } from '../../../main/crossref';
import { frameCue, negationCue } from '../../../main/crossref/stance-cues';
import { tempArchive } from './helpers';

type Archive = Awaited<ReturnType<typeof tempArchive>>;

/** The one cell of a single-claim matrix: how the claim's own speaker stands on it, and why. */
async function ownStance(archive: Archive, quote: string, statement: string, claimant: string | null) {
  const c = await archive.claims.insert({ quote, statement, claimant });
  const matrix = createCrossref(archive).stanceMatrix({ claimIds: [c.id] });
  expect(matrix.cells).toHaveLength(1);
  const cell = matrix.cells[0];
  return { actor: matrix.actors.find((a) => a.key === cell.actor)!.name, stance: cell.stance, cue: cell.evidence[0].cue };
}

describe('a speaker’s stance on the claim they are quoted with', () => {
  it('"X denied that …" denies the claim, with "denied" as the cue', async () => {
    const archive = await tempArchive();
    const cell = await ownStance(
      archive,
      'Mayor Anna Kovač denied that the Rivne bridge had been closed.',
      'The Rivne bridge had been closed',
      'Anna Kovač',
    );
    expect(cell).toEqual({ actor: 'Anna Kovač', stance: 'denies', cue: 'denied' });
  });

  it('"X rejected reports that …" denies the reported claim', async () => {
    const archive = await tempArchive();
    const cell = await ownStance(
      archive,
      'The mining company rejected reports that its Tarn shaft had flooded.',
      'The Tarn shaft had flooded',
      'The mining company',
    );
    expect(cell).toMatchObject({ stance: 'denies', cue: 'rejected' });
  });

  it('"X said the economy did not grow" asserts: the negation is inside the claim', async () => {
    const archive = await tempArchive();
    const cell = await ownStance(
      archive,
      'Finance minister Lena Ortiz said the economy did not grow in the spring.',
      'The economy did not grow in the spring',
      'Lena Ortiz',
    );
    expect(cell).toEqual({ actor: 'Lena Ortiz', stance: 'asserts', cue: null });
  });

  it('a denial told in the speaker’s own words asserts those words ("… is not flooded," X denied)', async () => {
    const archive = await tempArchive();
    const cell = await ownStance(
      archive,
      '"The Tarn shaft is not flooded," the site manager denied.',
      'The Tarn shaft is not flooded',
      'the site manager',
    );
    expect(cell.stance).toBe('asserts');
  });

  it('never shows a speaker disputing their own claim, even when it questions or challenges something', async () => {
    const archive = await tempArchive();
    const cell = await ownStance(
      archive,
      '"We question the ministry\'s flood figures," said Paolo Greco.',
      "We question the ministry's flood figures",
      'Paolo Greco',
    );
    expect(cell).toEqual({ actor: 'Paolo Greco', stance: 'asserts', cue: null });
  });

  it('a sentence the article tells as its own is asserted, not "Unattributed ✗ Denies", even with a negation or denial in it', async () => {
    const archive = await tempArchive();
    const negated = await ownStance(archive, 'The harbour was not reopened before June.', 'The harbour was not reopened before June', null);
    expect(negated).toEqual({ actor: 'Unattributed', stance: 'asserts', cue: null });
    const denial = await ownStance(
      archive,
      'The ministry denied the report on Tuesday.',
      'The ministry denied the report on Tuesday',
      null,
    );
    expect(denial).toEqual({ actor: 'Unattributed', stance: 'asserts', cue: null });
  });

  it('non-committal attribution ("declined to confirm", "questioned whether") disputes', async () => {
    const archive = await tempArchive();
    const declined = await ownStance(
      archive,
      'A port spokesman declined to confirm that the harbour had reopened.',
      'The harbour had reopened',
      'A port spokesman',
    );
    expect(declined).toMatchObject({ stance: 'disputes', cue: 'declined to confirm' });
    const questioned = await ownStance(
      archive,
      'Ivo Marek questioned whether the harbour had reopened.',
      'The harbour had reopened',
      'Ivo Marek',
    );
    expect(questioned).toMatchObject({ stance: 'disputes', cue: 'questioned' });
  });
});

describe('stances of other speakers on the same proposition', () => {
  it('a same-linked claim with the opposite polarity denies, and its cue shows the negation', async () => {
    const archive = await tempArchive();
    const lead = await archive.claims.insert({
      quote: 'The Tarn shaft flooded, the union said.',
      statement: 'The Tarn shaft flooded',
      claimant: 'the union',
    });
    const other = await archive.claims.insert({
      quote: 'The company said the Tarn shaft never flooded.',
      statement: 'The Tarn shaft never flooded',
      claimant: 'the company',
    });
    await archive.links.add(other.id, lead.id, 'same');
    const matrix = createCrossref(archive).stanceMatrix({ claimIds: [lead.id] });
    const byName = new Map(matrix.cells.map((c) => [matrix.actors.find((a) => a.key === c.actor)!.name, c]));
    expect(byName.get('the union')).toMatchObject({ stance: 'asserts' });
    expect(byName.get('the company')).toMatchObject({ stance: 'denies' });
    expect(byName.get('the company')!.evidence[0].cue).toBe('never');
  });
});

describe('stance cue words', () => {
  it('finds the attribution’s cue outside the claim and the negation inside it', () => {
    expect(frameCue('Kovač denied that the bridge had been closed.', 'The bridge had been closed')?.cue).toBe('denied');
    expect(frameCue('The ministry denied the report.', 'The ministry denied the report')).toBeNull();
    expect(negationCue("The economy didn't grow")).toBe("didn't");
    expect(negationCue('The economy grew')).toBeNull();
  });
});
