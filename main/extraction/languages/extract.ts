// The one algorithm for every language profile in this folder.
import type { ExtractInput, ExtractResult } from '../index';
import type { LanguageProfile } from './profile';

export function extractInLanguage(input: ExtractInput, profile: LanguageProfile, threshold: number): ExtractResult {
  void input;
  void profile;
  void threshold;
  return { claims: [], entities: [], sentences: [] };
}
