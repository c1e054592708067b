// Text and date schemas the domain files build on (not part of the public surface).
import { z } from 'zod';
import * as L from '../limits';

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'expected an ISO date');
export const ShortText = z.string().max(L.MAX_SHORT_TEXT_CHARS);
export const LongText = z.string().max(L.MAX_ARTICLE_TEXT_CHARS);
