// Russian text in single-byte encodings is easy to mis-guess (windows-1251, KOI8-R, IBM866 and
// ISO-8859-5 all map 0x80-0xFF to Cyrillic). Decode with each and keep the one that reads like
// Russian: mostly lower-case letters, dominated by the most frequent letters of the language.

export const CYRILLIC_ENCODINGS = ['windows-1251', 'koi8-r', 'ibm866', 'iso-8859-5'] as const;
const LATIN_GUESSES = new Set(['windows-1252', 'iso-8859-1', 'iso-8859-2', 'iso-8859-9', 'windows-1250', 'windows-1254']);
const FREQUENT = new Set('оеаинтсрвлкмдпуяыь');

function russianScore(text: string): number {
  let cyr = 0;
  let lowerCase = 0;
  let frequent = 0;
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c < 0x400 || c > 0x4ff) continue;
    cyr++;
    if (c >= 0x430) lowerCase++;
    if (FREQUENT.has(ch)) frequent++;
  }
  if (cyr === 0) return 0;
  return (lowerCase / cyr + frequent / cyr) * (cyr / Math.max(1, countNonAscii(text)));
}

function countNonAscii(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) n++;
  return n;
}

function highByteShare(bytes: Uint8Array): number {
  let high = 0;
  let letters = 0;
  for (const b of bytes) {
    if (b >= 0x80) high++;
    else if ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7a) letters++;
  }
  return high / Math.max(1, high + letters);
}

/** Picks a better Cyrillic encoding than the detector's guess, or returns the guess unchanged. */
export function refineCyrillic(bytes: Uint8Array, guess: string, decode: (b: Uint8Array, enc: string) => string): string {
  const isCyrillicGuess = (CYRILLIC_ENCODINGS as readonly string[]).includes(guess);
  if (!isCyrillicGuess && !(LATIN_GUESSES.has(guess) && highByteShare(bytes) > 0.3)) return guess;
  const sample = bytes.subarray(0, 65_536);
  let best = { encoding: guess, score: isCyrillicGuess ? russianScore(decode(sample, guess)) : 0 };
  for (const encoding of CYRILLIC_ENCODINGS) {
    const score = russianScore(decode(sample, encoding));
    if (score > best.score) best = { encoding, score };
  }
  return best.score > 1.2 ? best.encoding : guess;
}
