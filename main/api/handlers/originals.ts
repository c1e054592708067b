// Handlers of the originals methods (main/api/contract/originals.ts).
import type { originalsContract } from '../contract/originals';
import type { HandlersOf, ServiceBase } from './types';
import { claimPage, openOriginal, saveOriginal } from '../../app/originals';

export function originalsHandlers(s: ServiceBase<'archive' | 'options'>): HandlersOf<typeof originalsContract> {
  return {
    'originals.open': (articleId, page) => openOriginal(s, articleId, page ?? null),
    'originals.save': (articleId) => saveOriginal(s, articleId),
    'originals.claimPage': (claimId) => claimPage(s, claimId),
  };
}
