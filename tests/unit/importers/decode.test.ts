import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeText } from '../../../main/importers/decode';
import { prescanHtmlCharset } from '../../../main/importers/charset-prescan';

const RUSSIAN =
  'Президент заявил в пятницу, что переговоры продолжатся на следующей неделе. По словам министра, стороны обсудили вопросы безопасности и торговли, а также гуманитарную помощь.';
const bytes = (s: string) => new TextEncoder().encode(s);

describe('decodeText', () => {
  it('reads UTF-8 with a few stray Latin-1 bytes as UTF-8, the stray bytes as windows-1252 (no "Ã¤")', () => {
    const utf8 = bytes(
      '<html><head><meta charset="utf-8"></head><body><p>Mäscot das Schaf – Bären, Hühner, Größe, Übung, Käse, Öl, süß, Füße, Säge, Löwe, Tür.</p>'.repeat(
        4,
      ),
    );
    const stray = iconv.encode('<p>Gr\u00fc\u00dfe aus M\u00fcnchen</p></body></html>', 'latin1');
    const text = decodeText(new Uint8Array([...utf8, ...stray]), 'html').text;
    expect(text).toContain('Mäscot das Schaf – Bären');
    expect(text).toContain('Grüße aus München');
    expect(text).not.toContain('Ã');
  });

  it('honours byte-order marks for UTF-8, UTF-16 and UTF-32', () => {
    for (const enc of ['utf8', 'utf16le', 'utf16be', 'utf32le', 'utf32be'] as const) {
      const encoded = iconv.encode('Café – 東京', enc, { addBOM: true });
      expect(decodeText(encoded).text, enc).toBe('Café – 東京');
    }
  });

  it('recognises UTF-16 without a BOM from its NUL pattern', () => {
    const text = 'Plain English text written as UTF-16 without any byte order mark.';
    expect(decodeText(iconv.encode(text, 'utf16le'))).toMatchObject({ text, encoding: 'utf-16le' });
    expect(decodeText(iconv.encode(text, 'utf16be'))).toMatchObject({ text, encoding: 'utf-16be' });
  });

  it('prefers valid UTF-8 over a wrong declaration', () => {
    const html = '<meta charset="windows-1252"><p>Zürich – naïve</p>';
    expect(decodeText(bytes(html), 'html')).toMatchObject({ how: 'utf-8' });
    expect(decodeText(bytes(html), 'html').text).toContain('Zürich – naïve');
  });

  it('uses the charset an HTML page declares, in either meta form', () => {
    const a = iconv.encode('<html><head><meta charset="iso-8859-7"></head><body>Καλημέρα κόσμε</body>', 'iso-8859-7');
    expect(decodeText(a, 'html').text).toContain('Καλημέρα κόσμε');
    const b = iconv.encode('<meta http-equiv="Content-Type" content="text/html; charset=koi8-r"><p>' + RUSSIAN, 'koi8-r');
    expect(decodeText(b, 'html')).toMatchObject({ encoding: 'koi8-r', how: 'declared' });
  });

  it('uses the encoding named in an XML prolog', () => {
    const xml = iconv.encode('<?xml version="1.0" encoding="windows-1250"?><p>Nyní Norové začali potírat</p>', 'windows-1250');
    expect(decodeText(xml, 'xml').text).toContain('Nyní Norové začali potírat');
  });

  it('tells windows-1251, KOI8-R and IBM866 Russian apart without a declaration', () => {
    for (const enc of ['windows-1251', 'koi8-r', 'ibm866']) {
      const decoded = decodeText(iconv.encode(RUSSIAN, enc));
      expect(decoded.encoding, enc).toBe(enc);
      expect(decoded.text).toBe(RUSSIAN);
    }
  });

  it('sniffs common East Asian encodings', () => {
    const cases: [string, string][] = [
      ['shift_jis', '東京都は金曜日、新しい計画を発表した。知事は記者会見で、来年から実施すると述べた。住民の反応はさまざまだ。'],
      ['euc-kr', '정부는 금요일 새로운 계획을 발표했다. 장관은 기자회견에서 내년부터 시행한다고 밝혔다. 시민들의 반응은 엇갈렸다.'],
      ['gb18030', '政府周五宣布了新的计划。部长在记者会上表示，该计划将从明年开始实施。市民的反应不一。'],
      ['big5', '政府週五宣布了新的計畫。部長在記者會上表示，該計畫將從明年開始實施。市民的反應不一。'],
    ];
    for (const [enc, text] of cases) expect(decodeText(iconv.encode(text, enc)).text, enc).toBe(text);
  });

  it('decodes 7-bit ISO-2022-JP instead of passing escape codes through as UTF-8', () => {
    // "News: 日本語" with the JIS X 0208 codes of 日 (0x467C), 本 (0x4B5C), 語 (0x386C).
    const jis = [0x1b, 0x24, 0x42, 0x46, 0x7c, 0x4b, 0x5c, 0x38, 0x6c, 0x1b, 0x28, 0x42];
    const decoded = decodeText(Uint8Array.from([...bytes('News: '), ...jis]));
    expect(decoded).toMatchObject({ text: 'News: 日本語', encoding: 'iso-2022-jp' });
  });

  it('refuses binary data with a clear error', () => {
    const junk = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
    expect(() => decodeText(junk, 'text', 'photo.txt')).toThrow('File looks binary, not text: photo.txt');
  });
});

describe('prescanHtmlCharset (HTML spec prescan)', () => {
  const scan = (s: string) => prescanHtmlCharset(bytes(s));
  it('finds charset in meta charset and http-equiv content, skipping comments', () => {
    expect(scan('<!DOCTYPE html><meta charset=iso8859-2>')).toBe('iso8859-2');
    expect(scan('<meta content="text/html; charset=euc-jp" http-equiv="Content-Type">')).toBe('euc-jp');
    expect(scan('<!-- <meta charset="koi8-r"> --><meta charset="big5">')).toBe('big5');
  });
  it('ignores a content charset without the http-equiv pragma, and maps UTF-16 to UTF-8', () => {
    expect(scan('<meta content="text/html; charset=iso-8859-2">')).toBeNull();
    expect(scan('<meta charset="utf-16le">')).toBe('utf-8');
  });
});
