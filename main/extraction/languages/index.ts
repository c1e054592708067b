// Claim extraction for articles in languages other than English: one declarative file per language
// (quote marks, reporting verbs, "according to" markers, honorifics, pronouns, role nouns) read by one
// algorithm (extract.ts). See README.md in this folder for how to add a language.
import { PROFILES as ALL } from './all';
import type { LanguageProfile } from './profile';

const PROFILES: Record<string, LanguageProfile> = Object.fromEntries(ALL.map((p) => [p.code, p]));

/** The profile for an article's language ("fr", "fr-FR", "pt_BR", "RU"), or null (English rules apply). */
export function languageProfile(language: string | null | undefined): LanguageProfile | null {
  const primary = /^\s*([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*\s*$/i.exec(language ?? '')?.[1]?.toLowerCase();
  return (primary && PROFILES[primary]) || null;
}

export { extractInLanguage } from './extract';
