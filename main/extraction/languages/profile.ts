// The declarative description of one language, as each file in this folder exports it.
export interface LanguageProfile {
  /** BCP 47 primary tag ("fr"). */
  code: string;
}
