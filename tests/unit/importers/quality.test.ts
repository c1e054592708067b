// The junk detector on made-up text: real language passes in several scripts, junk of each kind
// (unmapped fonts, private-use glyphs, wrong encodings, shifted letters, glued words) does not.
import { describe, expect, it } from 'vitest';
import { assessText } from '../../../main/importers/quality';

const ENGLISH =
  'Lawmakers passed the budget on Friday after weeks of talks, officials said. The bill sets aside money for ' +
  'schools and roads, and it is expected to be signed by the governor next week. Critics said the plan was too ' +
  'expensive for a state that is still paying off debts from the last recession.';
const GERMAN =
  'Die Regierung hat am Freitag den Haushalt beschlossen. Nach wochenlangen Verhandlungen einigten sich die ' +
  'Parteien auf einen Kompromiss, der mehr Geld für Schulen und Straßen vorsieht, sagte ein Sprecher in Berlin.';
const RUSSIAN =
  'Правительство в пятницу утвердило бюджет на следующий год. По словам министра, это решение позволит ' +
  'увеличить расходы на школы и дороги, а также поддержать регионы, которые пострадали от наводнений.';
const CHINESE = '政府星期五通过了明年的预算。财政部长表示，这项决定将增加对学校和道路的投入，并支持受洪水影响的地区。'.repeat(3);
const TIMETABLE = Array.from({ length: 30 }, (_, i) => `0${i % 10}:15 1${i % 10}:45 ${i + 1}.20 Route ${i + 3}`).join('\n');

describe('assessText', () => {
  it.each([
    ['English', ENGLISH],
    ['German', GERMAN],
    ['Russian', RUSSIAN],
    ['Chinese (no spaces between words)', CHINESE],
    ['a timetable (mostly digits)', TIMETABLE],
    ['a short heading', 'Floods hit the coast'],
    ['English with a long URL', `${ENGLISH} Source: https://example.org/${'a'.repeat(120)}?q=1 ${ENGLISH}`],
  ])('passes %s', (_, text) => {
    const report = assessText(text);
    expect(report.reasons).toEqual([]);
    expect(report.verdict).toBe('ok');
  });

  it('finds a font without a text mapping (glyph ids as control characters)', () => {
    const junk = Array.from({ length: 60 }, (_, i) => String.fromCharCode(2 + (i % 20), 3 + (i % 7), 4, 0x15)).join('\b');
    const report = assessText(`${junk} 1 ${junk}`);
    expect(report.verdict).toBe('junk');
    expect(report.reasons).toContain('control, private-use or replacement characters');
  });

  it('finds private-use glyphs and replacement characters (wrong encoding)', () => {
    expect(assessText('\ue000\ue011\ue022 \ue033\ue044 '.repeat(30)).verdict).toBe('junk');
    expect(assessText('Caf\ufffd r\ufffdsum\ufffd na\ufffdve \ufffd\ufffd '.repeat(20)).reasons).toContain(
      'control, private-use or replacement characters',
    );
  });

  it('finds symbol soup and letters shifted by a broken font map', () => {
    expect(assessText('#$%& *+,- ./:; <=>? @[\\] ^_`{ |}~! '.repeat(20)).reasons).toContain('few letters or digits');
    // "The quick brown fox jumps over the lazy dog" with every character shifted by three.
    const shifted = 'Wkh#txlfn#eurzq#ir{#mxpsv#ryhu#wkh#od}|#grj1 Wkh#eloo#vhwv#dvlgh#prqh|#iru#vfkrrov1 '.repeat(8).replace(/#/g, ' ');
    expect(assessText(shifted).verdict).toBe('junk');
  });

  it('finds words glued together without spaces', () => {
    const glued = ENGLISH.replace(/ /g, '#');
    expect(assessText(`${glued}\n${glued}`).reasons).toContain('words run together without spaces');
  });

  it('calls text without letters empty', () => {
    expect(assessText('').verdict).toBe('empty');
    expect(assessText('  12 34 \n 56 ').verdict).toBe('empty');
  });

  it('reports its measurements', () => {
    expect(assessText(ENGLISH)).toMatchObject({ badShare: 0, gluedShare: 0, wordShare: 1 });
    expect(assessText(ENGLISH).functionWordShare).toBeGreaterThan(0.1);
  });
});
