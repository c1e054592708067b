// Who said it, construction by construction (made-up sentences): direct, mixed and indirect speech,
// trailing and inverted frames, "according to", "told", "in a statement", appositives, coordinated and
// participial cues, groups, organisations and documents, titles and fragments that are never claimants.
import { describe, expect, it } from 'vitest';
import { extractClaims, type ProposedClaim } from '../../../main/extraction/index';

const claims = (text: string): ProposedClaim[] => extractClaims({ text, published: '2024-03-08' }, { threshold: 0 }).claims;
const claimFor = (text: string, start: string) => {
  const c = claims(text).find((x) => x.quote.startsWith(start));
  expect(c, `no claim starting with ${start}`).toBeDefined();
  return c!;
};
const speaker = (c: ProposedClaim) => c.attribution.find((h) => h.role === 'speaker');

describe('direct, mixed and indirect speech', () => {
  it('"…," X said / "…," said X, role / X said: "…"', () => {
    expect(claims('"The bridge will reopen in May," Mayor Ines Okafor said on Tuesday.')[0]).toMatchObject({
      claimant: 'Ines Okafor',
      kind: 'direct',
    });
    expect(claims('"Tariffs cost us 900 jobs," said Paul Brandt, a spokesman for the union.')[0]).toMatchObject({
      claimant: 'Paul Brandt',
      kind: 'direct',
    });
    const c = claims('Governor Lena Holt said: "Our schools have 4,000 fewer teachers than in 2019."')[0];
    expect(c).toMatchObject({ claimant: 'Lena Holt', kind: 'direct' });
  });

  it('wire copy that quotes with two apostrophes is direct speech', () => {
    const c = claims("''We will not raise taxes on the middle class,'' Mr. Dorsey said.")[0];
    expect(c).toMatchObject({ claimant: 'Dorsey', kind: 'direct' });
    expect(c.statement).toBe('We will not raise taxes on the middle class.');
  });

  it('a quote that opens before the sentence keeps its speaker ("…," former Gov. X said)', () => {
    const c = claims('There is no room for that in our party," former Gov. Walter Brennan of Ohio said on Twitter.')[0];
    expect(c.claimant).toBe('Walter Brennan');
  });

  it('mixed: "…" inside reported speech is direct or indirect by its share, with the speaker kept', () => {
    const c = claims('Senator Ruth Caldera said the plan was "a gift to polluters" and would cost 2 billion dollars.')[0];
    expect(c.claimant).toBe('Ruth Caldera');
    expect(c.kind).toBe('indirect');
  });

  it('indirect: X said (that) …, X told reporters …, X warned …, X insisted …', () => {
    expect(claims('Pedro Alvarez said unemployment had doubled since 2020.')[0]).toMatchObject({
      claimant: 'Pedro Alvarez',
      kind: 'indirect',
    });
    const told = claims('Health Minister Joan Pike told reporters on Monday that 30 hospitals had closed.')[0];
    expect(told).toMatchObject({ claimant: 'Joan Pike', statement: '30 hospitals had closed.' });
    expect(speaker(told)?.cue).toBe('told');
    for (const verb of ['warned', 'insisted', 'argued', 'acknowledged', 'wrote', 'tweeted']) {
      const c = claims(`Economist Sara Lind ${verb} that prices would rise 8 percent this year.`)[0];
      expect([c.claimant, speaker(c)?.cue]).toEqual(['Sara Lind', verb]);
    }
  });

  it('a cue word used as a noun after a verb is no cue ("the bloodshed raised fears that…")', () => {
    const [c] = claims(
      'Although no group claimed responsibility, the bloodshed raised fears that militants were expanding their operations.',
    );
    expect(c.claimant).toBeNull();
    expect(c.kind).toBe('reported');
  });

  it('a trailing frame: "…, X said." and "…, X told POLITICO."', () => {
    expect(claims('Crime fell 12 percent in the city last year, police chief Omar Reed said.')[0].claimant).toBe('Omar Reed');
    expect(claims('The mill will close by June, Senator Ida Voss (D-Maine) told POLITICO.')[0].claimant).toBe('Ida Voss');
  });
});

describe('frames and speakers', () => {
  it('"according to" an organisation or a document', () => {
    const c = claims('Wages fell 3 percent in 2023, according to an Associated Press analysis of federal data.')[0];
    expect(c.claimant).toMatch(/Associated Press/);
    expect(speaker(c)?.cue).toBe('according to');
  });

  it('"in a statement" and "in an interview" are frames, never the claimant', () => {
    expect(claims('Pauline Hart, in a statement, said the factory had met every safety rule.')[0].claimant).toBe('Pauline Hart');
    expect(claims('In an interview, Gordon Mayfield said the tax would raise 40 million dollars.')[0].claimant).toBe('Gordon Mayfield');
  });

  it('an appositive stays with its name: "X\'s spokesman, Y, said" → Y; "X\'s spokesman said" → the spokesman', () => {
    expect(claims("The mayor's spokesman, Dan Ortiz, said the budget had a 5 million dollar gap.")[0].claimant).toBe('Dan Ortiz');
    expect(claims("Governor Alma Ruiz's spokesman said the budget had a 5 million dollar gap.")[0].claimant).toMatch(/spokesman/);
  });

  it('groups, roles and organisations speak too', () => {
    expect(claims('Analysts said the merger would cut 2,000 jobs.')[0].claimant).toBe('Analysts');
    expect(claims('Obama administration officials said the talks had collapsed.')[0].claimant).toMatch(/officials/);
    expect(claims('The Energy Department said output rose 4 percent.')[0].claimant).toMatch(/Energy Department/);
  });

  it('a coordinated or participial cue takes the subject of the clause', () => {
    expect(claims('Senator Maria Kovac on Wednesday criticised the bill and said it would cost 3 billion dollars.')[0].claimant).toBe(
      'Maria Kovac',
    );
    expect(claims('Mayor Ted Brown attacked his rival on Friday, saying she had raised taxes four times.')[0].claimant).toBe('Ted Brown');
  });

  it('a name and a colon open a statement ("Maria Ortiz: “…”"), a label does not ("News Guide: …")', () => {
    expect(claims('Maria Ortiz: “Our survey finds that 20 states lean Republican this year.”')[0]).toMatchObject({
      claimant: 'Maria Ortiz',
      kind: 'direct',
    });
    expect(claims('News Guide: Donors gave 25 million dollars to the super PAC last month.')[0].claimant).toBeNull();
  });

  it('an inverted speaker described by a relative clause ("…," said one owner of a shop who declined to be named)', () => {
    const c = claims('"We were deceived into coming here," said one owner of a shop who declined to be named.')[0];
    expect(c.claimant).toMatch(/owner of a shop/);
    expect(c.kind).toBe('direct');
  });

  it('a relative clause speaks for its antecedent ("X, who reported that …")', () => {
    const c = claims('The story was broken by reporter Gabriel Santos, who reported that the fund had lost 40 million dollars.')[0];
    expect(c.claimant).toBe('Gabriel Santos');
  });

  it('a second speaker later in the sentence gets a claim of their own, carried by the first', () => {
    const found = claims(
      'Governor Amy Lowe accused the mayor of hiding the deficit, while Mayor Tom Fisk said the city had a surplus of 3 million dollars.',
    );
    expect(found.map((c) => c.claimant)).toEqual(['Amy Lowe', 'Tom Fisk']);
    expect(found[1].quote).toBe('Mayor Tom Fisk said the city had a surplus of 3 million dollars');
    expect(found[1].attribution.map((h) => h.role)).toEqual(['speaker']);
    const nested = claims('Director James Colby said Laura Quinn told investigators that she had deleted 30,000 emails.');
    const quinn = nested.find((c) => c.claimant === 'Laura Quinn')!;
    expect(quinn.attribution.map((h) => [h.name, h.role])).toEqual([
      ['Laura Quinn', 'speaker'],
      ['James Colby', 'medium'],
    ]);
  });

  it('titles are kept with the name, never the name; time words and credits are never claimants', () => {
    const c = claims('"We will fight this ruling," said Rep. Jerry Nolan.')[0];
    expect(c.claimant).toMatch(/Nolan/);
    expect(c.claimant).not.toBe('Rep');
    const texts = ['"Prices are falling," said Tuesday.', 'The photo shows 300 protesters, Getty Images said.'];
    for (const t of texts) for (const x of claims(t)) expect(['Tuesday', 'Getty Images', 'Rep', 'Mr']).not.toContain(x.claimant);
  });
});

describe('pronouns and roles resolved, visibly', () => {
  it('"he said" after a quote goes to the speaker, not to a person named inside the quote', () => {
    const text =
      'Trade Minister Kim Jong Gyu spoke in Pyongyang on Friday.\n\n"President Albert Morgan is lying about our exports," he said.';
    const c = claimFor(text, '"President Albert Morgan');
    expect(c.claimant).toBe('Kim Jong Gyu');
    expect(speaker(c)).toMatchObject({ name: 'Kim Jong Gyu', as: 'he', cue: 'said' });
  });

  it('"she" agrees with a woman named before, across a paragraph', () => {
    const text = 'Hillary Clinton met Donald Trump in Ohio.\n\nShe said the plant would hire 500 workers.';
    expect(claimFor(text, 'She said').claimant).toBe('Hillary Clinton');
  });

  it('"the minister" goes back to the minister introduced earlier', () => {
    const text = 'Finance Minister Ravi Patel presented the budget on Monday.\n\nThe minister said the deficit would fall to 2 percent.';
    const c = claimFor(text, 'The minister said');
    expect(c.claimant).toBe('Ravi Patel');
    expect(speaker(c)?.as).toBe('The minister');
  });

  it('marks a pick among several people as unsure', () => {
    const text = 'Tom Avery and Luis Moreno met on Monday. He said the deal would be signed in 2025.';
    const c = claimFor(text, 'He said');
    expect(c.claimant).not.toBeNull();
    expect(speaker(c)).toMatchObject({ as: 'He', unsure: true });
  });

  it('the dateline and wire credit still complete the chain: speaker → medium → agency', () => {
    const c = claims('SEOUL, March 8 (AFP) - "The tests will continue," Kim said, according to the Korean Central News Agency.')[0];
    expect(c.attribution.map((h) => [h.name, h.role])).toEqual([
      ['Kim', 'speaker'],
      ['Korean Central News Agency', 'medium'],
      ['AFP', 'agency'],
    ]);
  });
});

describe('cues an editor reads beyond "said"', () => {
  it('progressive and continued speech: "is telling", "is insisting", "continued to suggest"', () => {
    expect(claims('The Florida senator Rosa Vidal is telling reporters in Minnesota that she will carry the state.')[0].claimant).toBe(
      'Rosa Vidal',
    );
    expect(claims('Mayor Ines Okafor is insisting that the bridge will reopen in May.')[0].claimant).toBe('Ines Okafor');
    expect(claims('Mayor Ines Okafor continued to suggest that the budget was balanced.')[0].claimant).toBe('Ines Okafor');
  });

  it('verbs whose final consonant doubles are cues: admitted, regretted', () => {
    expect(claims('Paul Brandt admitted that the union had lost 900 members since 2019.')[0]).toMatchObject({
      claimant: 'Paul Brandt',
      kind: 'indirect',
    });
  });

  it('a document finds or shows: the poll, report or data is the source; a person who "found" something is not', () => {
    expect(claims('A Harbor Institute poll found that 55 percent of voters oppose the tax.')[0].claimant).toBe('A Harbor Institute poll');
    expect(claims('The census data show that the county lost 4,000 residents in 2023.')[0].claimant).toBe('The census data');
    expect(claims('Paul Brandt found a buyer for the mill in 2023.')[0]?.claimant ?? null).toBeNull();
  });

  it('stance acts name their subject: "called X a …", "described", "mocked"; "a group called X" names no one', () => {
    expect(claims('Senator Ruth Caldera called the plan a gift to polluters at a rally on Tuesday.')[0].claimant).toBe('Ruth Caldera');
    expect(claims('He founded a group called Citizens First in 2008 with 4,000 members.')[0]?.claimant ?? null).toBeNull();
  });

  it('an inverted speaker with a lower-case description: "…," says a source involved in the talks', () => {
    expect(claims('"The deal will be signed by Friday," says a source involved in the talks.')[0]).toMatchObject({
      claimant: 'a source involved in the talks',
      kind: 'direct',
    });
  });

  it('a country that modifies the speaker is not the speaker ("U.S. officials", "a former U.S. official")', () => {
    expect(
      claims('Cyber security experts and U.S. officials, however, said they believed Russia engineered the release of the emails.')[0]
        .claimant,
    ).toBe('U.S. officials');
  });

  it('"who in 2010 said" after an appositive: the name the relative clause hangs on speaks', () => {
    const c = claims(
      'Voters still remember Ruth Caldera, now the Senate majority leader, who in 2010 said the party would cut taxes by 10 percent.',
    )[0];
    expect(c.claimant).toBe('Ruth Caldera');
  });

  it('a relative clause that reports speech is a claim of its own ("X, who claimed that …,")', () => {
    const text =
      'Voters may now ask whether candidates like Ruth Caldera, who claimed at one point that the mill had closed in 2019, are ready.';
    const c = claimFor(text, 'Ruth Caldera, who claimed');
    expect(c).toMatchObject({ claimant: 'Ruth Caldera', kind: 'indirect', statement: 'The mill had closed in 2019.' });
    expect(claims('Obama met Paul Brandt, who said on Tuesday that the union would back the nominee.')[0].claimant).toBe('Paul Brandt');
  });

  it('"He\'s telling allies that …": a contracted "is" is not a possessive', () => {
    const c = claimFor("Mayor Ines Okafor spoke on Monday. She's telling allies that the bridge will reopen in May.", "She's telling");
    expect(c.claimant).toBe('Ines Okafor');
    expect(claims("Okafor's telling speech on the bridge was a hit with 4,000 voters.")[0]?.claimant ?? null).toBeNull();
  });

  it('negated speech is not the speaker\'s claim: "X did not say that …" stays whole, with no claimant', () => {
    for (const text of [
      'Senator Ruth Caldera did not say that the mill would close in 2025.',
      'Paul Brandt never claimed that the mill will close in 2025.',
    ]) {
      const c = claims(text)[0];
      expect(c).toMatchObject({ claimant: null, statement: text });
    }
    expect(claims("They wouldn't tell the agency anything it doesn't already know about the 2019 audit.")[0]?.claimant ?? null).toBeNull();
  });

  it('a verb of communication with an object, not a clause, keeps the whole sentence as the statement', () => {
    const text =
      'Senator Ruth Caldera has acknowledged the reality of climate change, which makes her an outlier among 40 Republican lawmakers.';
    expect(claims(text)[0]).toMatchObject({ claimant: 'Ruth Caldera', statement: text });
    expect(claims('Paul Brandt warned the tram would cost 2 billion euros.')[0]).toMatchObject({
      claimant: 'Paul Brandt',
      statement: 'The tram would cost 2 billion euros.',
    });
  });

  it('"likened X to …" is the subject\'s stance', () => {
    expect(claims('Another critic, Paul Brandt, likened the rules to "burning the Constitution" in a long brief.')[0].claimant).toBe(
      'Paul Brandt',
    );
  });

  it('"did not complain when …" reports no speech; the trailing frame names the speaker', () => {
    const c = claims('Washington did not complain when Chinese spending helped global growth, a Chinese official said.')[0];
    expect(c.claimant).toBe('a Chinese official');
  });
});
