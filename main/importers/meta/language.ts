// A best guess at the language (BCP 47 primary tag) when the document does not declare one:
// the writing system first, then the most frequent function words for Latin and Cyrillic text.

/** The ten most frequent function words of each language (also used by the text quality gate). */
export const STOPWORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'a', 'is', 'that', 'for', 'it'],
  fr: ['le', 'la', 'les', 'des', 'et', 'est', 'une', 'dans', 'que', 'pour'],
  de: ['der', 'die', 'und', 'das', 'ist', 'nicht', 'mit', 'sich', 'den', 'ein'],
  es: ['el', 'los', 'las', 'del', 'que', 'y', 'en', 'por', 'una', 'para'],
  pt: ['o', 'os', 'as', 'do', 'da', 'que', 'em', 'não', 'uma', 'para'],
  it: ['il', 'di', 'che', 'la', 'è', 'per', 'non', 'gli', 'della', 'una'],
  nl: ['de', 'het', 'een', 'van', 'en', 'niet', 'dat', 'is', 'op', 'zijn'],
  pl: ['i', 'w', 'nie', 'się', 'na', 'że', 'jest', 'do', 'z', 'to'],
  cs: ['a', 'je', 'se', 'na', 'v', 'že', 'to', 'pro', 'jsou', 'také'],
  tr: ['ve', 'bir', 'bu', 'için', 'ile', 'da', 'de', 'olarak', 'daha', 'gibi'],
  hu: ['a', 'az', 'és', 'hogy', 'nem', 'is', 'egy', 'meg', 'volt', 'van'],
  ru: ['и', 'в', 'не', 'на', 'что', 'с', 'по', 'это', 'как', 'он'],
  uk: ['і', 'в', 'не', 'на', 'що', 'з', 'та', 'це', 'як', 'до'],
};

const SCRIPTS: [RegExp, string][] = [
  [/[\u3040-\u30ff]/g, 'ja'],
  [/[\uac00-\ud7af]/g, 'ko'],
  [/[\u4e00-\u9fff]/g, 'zh'],
  [/[\u0600-\u06ff]/g, 'ar'],
  [/[\u0590-\u05ff]/g, 'he'],
  [/[\u0370-\u03ff]/g, 'el'],
  [/[\u0e00-\u0e7f]/g, 'th'],
];

function byScript(sample: string): string | null {
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return null;
  // Japanese mixes kana with kanji; a few kana are enough to tell it from Chinese.
  if ((sample.match(SCRIPTS[0][0])?.length ?? 0) > letters * 0.05) return 'ja';
  for (const [re, lang] of SCRIPTS.slice(1)) if ((sample.match(re)?.length ?? 0) > letters * 0.3) return lang;
  return null;
}

function byStopwords(sample: string): string | null {
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 8) return null; // too few words to tell
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  let best: { lang: string; score: number } | null = null;
  for (const [lang, list] of Object.entries(STOPWORDS)) {
    const score = list.reduce((sum, w) => sum + (counts.get(w) ?? 0), 0) / words.length;
    if (!best || score > best.score) best = { lang, score };
  }
  return best && best.score > 0.05 ? best.lang : null;
}

export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, 20_000);
  return byScript(sample) ?? byStopwords(sample);
}

/** "en-US" / "en_GB" / "EN" -> "en"; nonsense -> null. */
export function normaliseLanguage(tag: string | null | undefined): string | null {
  const m = /^\s*([a-z]{2,3})(?:[-_][a-z0-9]{2,8})*\s*$/i.exec(tag ?? '');
  return m ? m[1].toLowerCase() : null;
}
