// Number normalisation: "70 per cent", "70%" and "seventy percent" all become "n:70%"; "3,000",
// "3k" and "three thousand" become "n:3000". Vague quantities ("thousands of troops") carry only
// an order of magnitude ("mag:3"), which exact figures carry too, so the two can still meet.

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  dozen: 12,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Record<string, number> = {
  hundred: 1e2,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  k: 1e3,
  m: 1e6,
  mn: 1e6,
  mln: 1e6,
  bn: 1e9,
  b: 1e9,
  tn: 1e12,
};
/** Plural scale words used alone are vague: "thousands" means some thousands. */
const VAGUE: Record<string, number> = {
  dozens: 1,
  hundreds: 2,
  thousands: 3,
  millions: 6,
  billions: 9,
  trillions: 12,
};
const CURRENCY = new Set(['$', '€', '£', 'usd', 'eur', 'gbp', 'dollars', 'dollar', 'euros', 'euro', 'pounds']);
const DIGITS = /^(\d+(?:[.,]\d+)*)(k|m|mn|bn|b|tn|st|nd|rd|th|s)?$/;

export interface NumberMatch {
  /** Tokens consumed from the input. */
  length: number;
  /** Feature tokens to emit instead ("n:70%", "mag:3"). */
  features: string[];
}

const has = (table: Record<string, number>, key: string | undefined): boolean => key !== undefined && Object.hasOwn(table, key);

function parseDigits(token: string): { value: number; scale: number } | null {
  const m = DIGITS.exec(token);
  if (!m) return null;
  const raw = m[1];
  // Commas are thousands separators in English news copy ("3,000").
  const value = Number(raw.replace(/,/g, ''));
  if (!Number.isFinite(value)) return null;
  return { value, scale: m[2] && has(SCALES, m[2]) ? SCALES[m[2]] : 1 };
}

function parseWordNumber(tokens: string[], i: number): { value: number; length: number } | null {
  const t = tokens[i];
  if (has(UNITS, t) && t !== 'one') return { value: UNITS[t], length: 1 };
  if (has(TENS, t)) {
    const next = tokens[i + 1];
    if (has(UNITS, next) && UNITS[next] < 10) return { value: TENS[t] + UNITS[next], length: 2 };
    return { value: TENS[t], length: 1 };
  }
  // "a hundred", "one million": only with a scale word after, "one" alone is too often a pronoun.
  if ((t === 'one' || t === 'a') && has(SCALES, tokens[i + 1]) && tokens[i + 1].length > 2) {
    return { value: 1, length: 1 };
  }
  return null;
}

function canonical(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
}

function isPercentAt(tokens: string[], i: number): number {
  const t = tokens[i];
  if (t === '%' || t === 'percent' || t === 'pct' || t === 'pc') return 1;
  if (t === 'per' && tokens[i + 1] === 'cent') return 2;
  return 0;
}

function featuresFor(value: number, percent: boolean, scaled: boolean): string[] {
  if (percent) return [`n:${canonical(value)}%`];
  const isYear = !scaled && Number.isInteger(value) && value >= 1800 && value <= 2100;
  if (isYear || value < 10) return [`n:${canonical(value)}`];
  return [`n:${canonical(value)}`, `mag:${Math.floor(Math.log10(value))}`];
}

function vagueAt(tokens: string[], i: number): NumberMatch | null {
  const t = tokens[i];
  // "tens of thousands", "hundreds of millions": the magnitudes add up.
  if ((t === 'tens' || t === 'hundreds') && tokens[i + 1] === 'of' && has(VAGUE, tokens[i + 2])) {
    return { length: 3, features: [`mag:${VAGUE[tokens[i + 2]] + (t === 'tens' ? 1 : 2)}`] };
  }
  return has(VAGUE, t) ? { length: 1, features: [`mag:${VAGUE[t]}`] } : null;
}

/** Recognises a number phrase starting at tokens[i] (lower-case tokens), or returns null. */
export function matchNumber(tokens: string[], i: number): NumberMatch | null {
  const vague = vagueAt(tokens, i);
  if (vague) return vague;
  let j = i;
  if (CURRENCY.has(tokens[j]) && tokens[j].length === 1) j++;
  let value: number;
  let scale = 1;
  const digits = tokens[j] !== undefined ? parseDigits(tokens[j]) : null;
  if (digits) {
    value = digits.value;
    scale = digits.scale;
    j++;
  } else {
    const word = tokens[j] !== undefined ? parseWordNumber(tokens, j) : null;
    if (!word) return null;
    value = word.value;
    j += word.length;
  }
  // A separate "m" or "b" after a number is too often a unit (metres); scale words need 2+ letters.
  while (has(SCALES, tokens[j]) && tokens[j].length >= 2) {
    scale *= SCALES[tokens[j]];
    j++;
  }
  const pct = isPercentAt(tokens, j);
  j += pct;
  if (tokens[j] && CURRENCY.has(tokens[j])) j++;
  return { length: j - i, features: featuresFor(value * scale, pct > 0, scale > 1) };
}
