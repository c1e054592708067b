// Claimants in French, Spanish, Portuguese, German, Russian and Italian: hand-written press articles
// (tests/fixtures/languages/) with the expected claimant of each attributed sentence. Prints the
// per-language accuracy (also `npx tsx bench/eval-languages.ts`).
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../../main/extraction/index';
import { faithfulness } from '../../../../main/extraction/faithful';
import type { LanguageClaim } from '../../../../main/extraction/languages/extract';
import { HELD_OUT } from '../../../fixtures/languages/heldout';
import { FIXTURES, scoreFixture, table } from '../../../fixtures/languages/score';

const scores = FIXTURES.map(scoreFixture);
console.log(table(scores));

describe.each(FIXTURES.map((f, i) => [f.language, f, scores[i]] as const))('%s article', (_, fixture, score) => {
  it('has at least 12 attributed sentences across the cases', () => {
    expect(fixture.claims.length).toBeGreaterThanOrEqual(12);
  });

  it('proposes the right claimant for at least 90% of attributed sentences', () => {
    const accuracy = score.rightClaimant / score.attributed;
    expect(accuracy, JSON.stringify(score.misses, null, 1)).toBeGreaterThanOrEqual(0.9);
  });

  it('tells direct quotes from reported speech for at least 85% of them', () => {
    expect(score.rightKind / score.attributed).toBeGreaterThanOrEqual(0.85);
  });

  it("files the article's own statements without a claimant", () => {
    for (const prefix of fixture.unattributed) {
      const claim = score.claims.find((c) => c.quote.startsWith(prefix));
      expect(claim, prefix).toBeDefined();
      expect(claim!.claimant).toBeNull();
      expect(claim!.kind).toBe('reported');
    }
  });

  it("words every statement faithfully (the source's words, insertions in brackets)", () => {
    for (const c of score.claims) expect(faithfulness(c.quote, c.statement).faithful, `${c.quote}\n→ ${c.statement}`).toBe(true);
  });

  it('leaves the attribution out of the statement of a quote', () => {
    const quoted = score.claims.filter((c) => c.kind === 'direct' && c.claimant);
    expect(quoted.length).toBeGreaterThan(3);
    for (const c of quoted) expect(c.statement.length, c.statement).toBeLessThan(c.quote.length);
  });

  it('never takes an honorific or a title alone for the claimant', () => {
    for (const c of score.claims) expect(c.claimant ?? '', c.quote).not.toMatch(/^(?:M|Mme|Sr|Sra|Herr|Frau|Sig|г-н|г-жа|Dr)\.?$/);
  });

  it('marks a claimant resolved from a pronoun or role', () => {
    const resolved = score.claims.filter((c) => (c as LanguageClaim).resolution);
    expect(resolved.length).toBeGreaterThanOrEqual(2);
    for (const c of resolved) expect(['pronoun', 'role', 'quote']).toContain((c as LanguageClaim).resolution!.via);
  });
});

describe('language dispatch', () => {
  const text = '« Nous ne reculerons pas sur les retraites », a déclaré mardi la Première ministre Élisabeth Borne devant les sénateurs.';

  it.each(['fr', 'fr-FR', 'fr_CA', 'FR'])('reads French rules for the tag %s', (language) => {
    const [claim] = extractClaims({ text, language }, { threshold: 0 }).claims;
    expect(claim.claimant).toBe('Élisabeth Borne');
    expect(claim.kind).toBe('direct');
    expect(claim.statement).toBe('Nous ne reculerons pas sur les retraites.');
  });

  it('keeps English rules for English and for no language', () => {
    for (const language of ['en', 'en-GB', null, undefined]) {
      const [claim] = extractClaims({ text: '"We will not back down," the minister said on Tuesday.', language }, { threshold: 0 }).claims;
      expect(claim.claimant).toMatch(/minister$/);
    }
  });
});

describe('pronouns and names', () => {
  it('writes a pronoun subject of reported speech as the resolved name in brackets', () => {
    const text = `La maire de Paris, Anne Hidalgo, a présenté lundi son plan vélo.

Elle a affirmé qu'elle doublerait le nombre de pistes cyclables d'ici 2026.`;
    const claim = extractClaims({ text, language: 'fr' }, { threshold: 0 }).claims.find((c) => c.quote.startsWith('Elle'))!;
    expect(claim.claimant).toBe('Anne Hidalgo');
    expect(claim.statement).toBe("[Anne Hidalgo] doublerait le nombre de pistes cyclables d'ici 2026.");
    expect((claim as LanguageClaim).resolution).toEqual({ written: 'Elle', via: 'pronoun' });
  });

  it('restores the nominative of a Russian name written after «по словам»', () => {
    const text = 'По словам официального представителя МИД Марии Захаровой, Москва не получала никаких предложений от Вашингтона.';
    const [claim] = extractClaims({ text, language: 'ru' }, { threshold: 0 }).claims;
    expect(claim.claimant).toBe('Мария Захарова');
    expect(claim.kind).toBe('indirect');
    expect(claim.statement).toBe('Москва не получала никаких предложений от Вашингтона.');
  });

  it('resolves a feminine pronoun to the woman named before, past a man named since', () => {
    const text = `„Wir brauchen mehr Tempo beim Ausbau der Netze“, sagte Wirtschaftsministerin Katherina Reiche am Dienstag in Berlin.

Der Netzbetreiber-Chef Stefan Kapferer verwies auf lange Genehmigungsverfahren. Sie kündigte an, dass ein Gesetzentwurf noch vor dem Sommer vorgelegt werde.`;
    const claim = extractClaims({ text, language: 'de' }, { threshold: 0 }).claims.find((c) => c.quote.startsWith('Sie kündigte'))!;
    expect(claim.claimant).toBe('Katherina Reiche');
  });

  it('keeps an honorific with a surname the article gives no first name for', () => {
    const text = '«La situación es insostenible», dijo la Sra. Ortega a los periodistas.';
    const [claim] = extractClaims({ text, language: 'es' }, { threshold: 0 }).claims;
    expect(claim.claimant).toBe('Sra. Ortega');
  });
});

describe('held-out articles (written after the rules were tuned)', () => {
  const held = HELD_OUT.map(scoreFixture);
  console.log('held-out\n' + table(held));

  it('gets at least 5 of 6 claimants right in every language, 90% overall', () => {
    for (const s of held) expect(s.rightClaimant, `${s.language} ${JSON.stringify(s.misses)}`).toBeGreaterThanOrEqual(s.attributed - 1);
    const right = held.reduce((n, s) => n + s.rightClaimant, 0);
    const all = held.reduce((n, s) => n + s.attributed, 0);
    expect(right / all).toBeGreaterThanOrEqual(0.9);
  });
});

describe('the speaker hop shows how the speaker was found', () => {
  it('carries the cue, the pronoun as written, and marks a subjectless verb as unsure', () => {
    const text = `O técnico Tite confirmou nesta segunda-feira a escalação.

"Ele treinou normalmente", falou Tite. Ele disse que o time está pronto.

"Temos dois jogadores em grande fase", completou.`;
    const claims = extractClaims({ text, language: 'pt-BR' }, { threshold: 0 }).claims;
    const hop = (prefix: string) => claims.find((c) => c.quote.startsWith(prefix))!.attribution[0];
    expect(hop('"Ele treinou')).toEqual({ name: 'Tite', role: 'speaker', cue: 'falou' });
    expect(hop('Ele disse')).toEqual({ name: 'Tite', role: 'speaker', cue: 'disse', as: 'Ele' });
    expect(hop('"Temos dois')).toEqual({ name: 'Tite', role: 'speaker', cue: 'completou', unsure: true });
  });
});
