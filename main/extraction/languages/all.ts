// Every language profile. To add a language, write its file (see README.md) and list it here.
import { de } from './de';
import { es } from './es';
import { fr } from './fr';
import { it } from './it';
import type { LanguageProfile } from './profile';
import { pt } from './pt';
import { ru } from './ru';

export const PROFILES: LanguageProfile[] = [fr, es, pt, de, ru, it];
