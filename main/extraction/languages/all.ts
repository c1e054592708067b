// Every language profile. To add a language, write its file (see README.md) and list it here.
import { fr } from './fr';
import type { LanguageProfile } from './profile';

export const PROFILES: LanguageProfile[] = [fr];
