// The declarative description of one language, as each file in this folder exports it. Only data: no
// patterns, no code. Words are matched case-insensitively as whole words; multi-word entries ("de acuerdo
// con", "по словам") match with any spacing. List every inflected form you need (gender, number, tense).
export interface LanguageProfile {
  /** BCP 47 primary tag ("fr"). */
  code: string;
  /** The language's name in English, for messages and the evaluation: "French". */
  name: string;
  /** Quotation mark pairs [open, close], most usual first. The straight '"' is always understood. */
  quotes: [string, string][];
  /**
   * Dialogue dashes: a paragraph that opens with "—" or "–" is speech up to the dash that opens the
   * attribution ("— Мы не отступим, — заявил Песков." / "—Es difícil —dijo el ministro—.").
   */
  dashDialogue: boolean;
  /**
   * Reporting verbs in their finite forms, every form needed: "déclare", "a déclaré" is built from
   * `auxiliaries` + `participles`. Each may stand before the speaker ("a déclaré X") or after ("X a déclaré").
   */
  verbs: string[];
  /** Past participles of reporting verbs, combined with `auxiliaries` ("a" + "déclaré"). */
  participles: string[];
  /** Auxiliaries of compound tenses ("a", "avait", "ha", "hat"). */
  auxiliaries: string[];
  /** Reporting words that only count right after a closing quote ('„…“, so Scholz'). */
  afterQuoteOnly: string[];
  /** Words that open reported content after the verb ("que", "qu'", "dass", "что", "che"). */
  complementizers: string[];
  /** "According to" markers written before the source ("selon", "laut", "по словам"). */
  accordingBefore: string[];
  /** "According to" markers written after the source ("Scholz zufolge"). */
  accordingAfter: string[];
  /**
   * Honorifics and titles that go with a name ("M.", "Mme", "Herr", "Sra.", "г-н"): kept as part of the
   * name, never a name on their own. Those listed in `feminine` mark a woman.
   */
  honorifics: string[];
  /** Subject (and stressed) personal pronouns that may stand for a speaker. */
  pronouns: { masculine: string[]; feminine: string[]; plural: string[] };
  /**
   * Role nouns for speakers ("ministre", "porte-parole", "Sprecher", "министр"): a role phrase is a
   * speaker, and refers to the person last introduced with that role.
   */
  roleNouns: string[];
  /** Feminine forms among honorifics, articles, role nouns and verbs ("Mme", "la", "ministra", "заявила"). */
  feminine: string[];
  /** Masculine forms among honorifics, articles and verbs ("M.", "le", "заявил"). */
  masculine: string[];
  /** Role nouns that name the same role ("premier" / "presidente del consiglio", "técnico" / "treinador"). */
  roleSynonyms?: string[][];
  /** Articles and determiners that may open a speaker phrase ("la", "le", "l'", "der", "die"). */
  determiners: string[];
  /**
   * Words that may be capitalised at the start of a sentence but never start a name ("Le", "Selon",
   * "Mais", "По"); also weekdays and months, which are capitalised in some languages.
   */
  functionWords: string[];
  /** Particles inside names ("de", "da", "von", "di"). */
  nameParticles: string[];
  /** Words that make a capitalised name an organisation ("ministère", "parti", "Partei", "партия"). */
  organisationWords: string[];
  /**
   * Nouns are capitalised (German): a capitalised word is a name only with evidence (a title, a role, a
   * speaker position, another capitalised word with it that is a known first name or particle).
   */
  capitalisedNouns?: boolean;
  /**
   * Case endings a name may carry after an "according to" marker or a preposition, with the ending of
   * its nominative form, longest first (Russian "по словам Дмитрия Пескова" → "Дмитрий Песков").
   */
  nameCases?: [oblique: string, nominative: string][];
}
