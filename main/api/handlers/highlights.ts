// Handlers of the highlights methods (main/api/contract/highlights.ts).
import type { highlightsContract } from '../contract/highlights';
import type { HandlersOf, ServiceBase } from './types';
import {
  createHighlight,
  deleteHighlight,
  draftFromHighlight,
  listHighlights,
  restoreHighlight,
  updateHighlight,
} from '../../app/highlights';

export function highlightsHandlers(s: ServiceBase<'archive'>): HandlersOf<typeof highlightsContract> {
  const { archive } = s;
  return {
    'highlights.list': (articleId) => listHighlights(archive, articleId),
    'highlights.create': (input) => createHighlight(archive, input),
    'highlights.update': (id, patch) => updateHighlight(archive, id, patch),
    'highlights.delete': (id) => deleteHighlight(archive, id),
    'highlights.restore': (highlight) => restoreHighlight(archive, highlight),
    'highlights.draftClaim': (id) => draftFromHighlight(archive, id),
  };
}
