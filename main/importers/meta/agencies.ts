// News agencies: recognised from datelines ("SEOUL (AFP) -"), photo credits ("(AFP file)",
// "— AFP", "AFP/Getty") and sign-offs ("Reporting by ..." is Reuters' house style). A mere mention
// ("according to KCNA") is a source being quoted, not the agency that carried the story.

interface Agency {
  name: string;
  /** Regex alternatives (no capture groups) that name the agency. */
  aliases: string[];
}

export const AGENCIES: Agency[] = [
  { name: 'AFP', aliases: ['AFP', 'Agence France[- ]Presse'] },
  { name: 'Reuters', aliases: ['Reuters', 'REUTERS'] },
  { name: 'AP', aliases: ['AP', 'Associated Press'] },
  { name: 'Yonhap', aliases: ['Yonhap'] },
  { name: 'KCNA', aliases: ['KCNA'] },
  { name: 'Xinhua', aliases: ['Xinhua'] },
  { name: 'TASS', aliases: ['TASS', 'ITAR-TASS'] },
  { name: 'RIA Novosti', aliases: ['RIA Novosti', 'RIA'] },
  { name: 'Interfax', aliases: ['Interfax'] },
  { name: 'dpa', aliases: ['dpa', 'DPA'] },
  { name: 'EFE', aliases: ['EFE'] },
  { name: 'ANSA', aliases: ['ANSA'] },
  { name: 'Kyodo', aliases: ['Kyodo', 'Kyodo News'] },
  { name: 'Jiji', aliases: ['Jiji', 'JIJI', 'Jiji Press'] },
  { name: 'Anadolu', aliases: ['Anadolu', 'Anadolu Agency', 'AA'] },
  { name: 'PTI', aliases: ['PTI'] },
  { name: 'UPI', aliases: ['UPI'] },
  { name: 'Bloomberg', aliases: ['Bloomberg'] },
  { name: 'ANI', aliases: ['ANI'] },
  { name: 'Bernama', aliases: ['Bernama'] },
  { name: 'Antara', aliases: ['Antara'] },
  { name: 'APA', aliases: ['APA'] },
  { name: 'PAP', aliases: ['PAP'] },
  { name: 'CTK', aliases: ['ČTK', 'CTK'] },
  { name: 'Ukrinform', aliases: ['Ukrinform'] },
];

function alt(a: Agency): string {
  return a.aliases.join('|');
}

/** Credit and dateline shapes; `A` stands for the agency alternatives. */
const SHAPES = [
  "^[\\p{Lu}][\\p{L} .,'-]{1,40}\\s*\\((?:A)\\)\\s*[-–—:]", // SEOUL (AFP) -
  '\\((?:A)\\)[ \\t]*$', // a caption ending in "(AFP)"; "... Agency (KCNA). Officials" is an abbreviation
  '\\((?:A)(?:\\s+(?:file|photo|pool|graphic|video)[^)]{0,40}|\\s*/[^)]{1,40})\\)', // (AFP file), (AFP/Getty)
  '(?:^|\\s)[-–—]\\s*(?:A)\\s*$', // ... — AFP
  '(?:Photo|Image|Picture|Credit|Source|Foto|©)\\s*:?\\s*(?:A)\\b', // Photo: AFP
  '\\b(?:A)\\s*(?:/|via)\\s*Getty', // AFP/Getty
  '\\b(?:A)\\s+(?:file\\s+)?photo\\b', // AFP file photo
];

function creditPattern(a: Agency): RegExp {
  const body = SHAPES.map((s) => s.replaceAll('(?:A)', `(?:${alt(a)})`)).join('|');
  return new RegExp(body, 'gmu');
}

const CREDIT_PATTERNS = AGENCIES.map((a) => ({ name: a.name, re: creditPattern(a) }));

/** The wire agency that carried this text, judged from credits and datelines; null when none. */
export function detectWireAgency(text: string): string | null {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  let best: { name: string; hits: number } | null = null;
  for (const { name, re } of CREDIT_PATTERNS) {
    const hits = sample.match(re)?.length ?? 0;
    if (hits > 0 && (!best || hits > best.hits)) best = { name, hits };
  }
  if (best) return best.name;
  if (/\(Reporting by [^)]{2,200}\)|Reporting by [\p{Lu}][^\n]{2,120}; Editing by/u.test(sample)) return 'Reuters';
  if (/Copyright \d{4} The Associated Press|The Associated Press contributed/.test(sample)) return 'AP';
  return null;
}

/** Canonical agency name for a byline/outlet string that is just an agency ("Agence France-Presse"). */
export function agencyNamed(value: string | null): string | null {
  if (!value) return null;
  const v = value.trim();
  const hit = AGENCIES.find((a) => new RegExp(`^(?:${alt(a)})$`, 'i').test(v) && v.length > 1);
  return hit?.name ?? null;
}

/** "SEOUL (AFP) -" at the start of the body: returns the dateline's length so it can be skipped. */
export function datelineLength(text: string): number {
  const m = /^\s*[\p{Lu}][\p{L} .,'-]{1,40}\s*\([\p{L} .-]{2,30}\)\s*[-–—:]\s*/u.exec(text);
  return m ? m[0].length : 0;
}

/**
 * The agency an article credits itself to, from its own dateline ("SEOUL (AFP) -" opening the text),
 * sign-off ("— AFP", "(Reporting by ...)", "© AP" closing it) or copyright line; captions and photo
 * credits inside the text do not count.
 */
export function creditedAgency(text: string): string | null {
  const body = text.trim();
  const paragraphs = body.split(/\n\s*\n/);
  // The dateline opens the story, which may follow a byline or a standfirst: the first three paragraphs.
  const heads = paragraphs.slice(0, 3).map((p) => p.trim().slice(0, 300));
  const tail = paragraphs.slice(-3).join('\n').slice(-600);
  for (const a of AGENCIES) {
    const names = alt(a);
    const dateline = new RegExp(`^[\\p{Lu}][\\p{L} .,'/-]{1,40}\\s*\\((?:${names})(?:/[^)]{1,20})?\\)\\s*[-–—:]`, 'u');
    const opening = new RegExp(`^(?:${names})\\s*[-–—:]\\s`, 'u');
    if (heads.some((head) => dateline.test(head) || opening.test(head))) return a.name;
    if (new RegExp(`(?:^|\\n|\\s)(?:[-–—]\\s*|©\\s*|\\()(?:${names})\\)?\\s*$`, 'u').test(tail)) return a.name;
    if (new RegExp(`(?:Copyright|©)\\s*(?:\\d{4}\\s+)?(?:The\\s+)?(?:${names})\\b`, 'u').test(tail)) return a.name;
  }
  if (/\(Reporting by [^)]{2,200}\)|Reporting by [\p{Lu}][^\n]{2,120}; Editing by/u.test(tail)) return 'Reuters';
  if (/The Associated Press contributed/.test(tail)) return 'AP';
  return null;
}
