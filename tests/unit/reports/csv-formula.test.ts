// The CSV export's formula guard: look-alike formula signs (full-width, small forms, after spaces or
// invisible characters) get the same apostrophe as the ASCII ones.
import { describe, expect, it } from 'vitest';
import { csvCell } from '../../../main/reports/csv';

describe('CSV formula guard', () => {
  it.each([
    ['full-width equals', '\uFF1DHYPERLINK("http://evil")'],
    ['full-width plus', '\uFF0B1+1'],
    ['full-width minus', '\uFF0D1+1'],
    ['full-width at', '\uFF20SUM(A1:A9)'],
    ['small equals', '\uFE66cmd'],
    ['minus sign', '\u22122+3'],
    ['leading space', ' =1+1'],
    ['leading zero-width space', '\u200B=1+1'],
    ['leading tab', '\t=1+1'],
    ['leading carriage return', '\r=1+1'],
  ])('neutralises a cell starting with a %s', (_what, cell) => {
    expect(csvCell(cell).replace(/^"/, '').startsWith("'")).toBe(true);
  });

  it('leaves ordinary text and look-alikes inside the text alone', () => {
    expect(csvCell('Exports grew \uFF1D 5%')).toBe('Exports grew \uFF1D 5%');
    expect(csvCell('Ｔｅｘｔ in full width')).toBe('Ｔｅｘｔ in full width');
  });
});
