// Handlers of the editing methods (main/api/contract/editing.ts): bulk changes, entity links, links, evidence,
// suggestions under review, saved searches, collections.
import type { editingContract } from '../contract/editing';
import type { HandlersOf, ServiceBase } from './types';
import { acceptAbove, acceptSuggestion, draftFromSpan, rejectSuggestion, revertDecisions } from '../../app/suggestions';
import { bulkRevert, bulkUpdate, evidenceViews, linkedClaims } from '../../app/editing';
import { faithfulness } from '../../extraction/faithful';
import { splitSentences } from '../../extraction';

export function editingHandlers(s: ServiceBase<'archive'>): HandlersOf<typeof editingContract> {
  const { archive } = s;
  return {
    'claims.bulkUpdate': (ids, change) => bulkUpdate(archive, ids, change),
    'claims.bulkRevert': (states, note) => bulkRevert(archive, states, note),
    'claims.verdictAsOf': (id, at) => archive.claims.verdictAsOf(id, at),
    'claims.entities': (id) => archive.claims.entities(id),
    'claims.linkEntity': (id, target, role, note) => archive.claims.linkEntity(id, target, role, note),
    'claims.unlinkEntity': (id, entityId, role, note) => archive.claims.unlinkEntity(id, entityId, role, note),
    'claims.checkStatement': (quote, statement) => faithfulness(quote, statement),
    'claims.draftFromSpan': (articleId, start, end) => draftFromSpan(archive, articleId, start, end),
    'articles.sentences': (id) => splitSentences(archive.articles.get(id).text),

    'links.forClaim': (id) => linkedClaims(archive, id),
    'links.add': (from, to, type, note) => archive.links.add(from, to, type, note ?? ''),
    'links.remove': (id) => archive.links.remove(id),
    'evidence.forClaim': (id) => evidenceViews(archive, id),
    'evidence.add': (e) => archive.evidence.add(e),
    'evidence.remove': (id) => archive.evidence.remove(id),

    'suggestions.list': (articleId, state) => {
      archive.articles.get(articleId);
      return archive.suggestions.list(articleId, state);
    },
    'suggestions.queue': () => archive.suggestions.queue(),
    'suggestions.accept': (articleId, id, edits) => acceptSuggestion(archive, articleId, id, edits),
    'suggestions.reject': (articleId, id) => rejectSuggestion(archive, articleId, id),
    'suggestions.acceptAbove': (articleId, threshold) => acceptAbove(archive, articleId, threshold),
    'suggestions.revert': (articleId, decisions) => revertDecisions(archive, articleId, decisions),

    'savedSearches.list': () => archive.savedSearches.list(),
    'savedSearches.save': (name, query) => archive.savedSearches.save(name, query),
    'savedSearches.remove': (id) => archive.savedSearches.remove(id),
    'collections.list': () => archive.collections.list(),
    'collections.ofClaim': (id) => archive.collections.ofClaim(id),
    'collections.create': (name) => archive.collections.create(name),
    'collections.rename': (id, name) => archive.collections.rename(id, name),
    'collections.delete': (id) => archive.collections.delete(id),
    'collections.restore': (deleted, note) => archive.collections.restore(deleted, note),
    'collections.add': (id, claimIds, note) => archive.collections.addClaims(id, claimIds, note),
    'collections.remove': (id, claimIds, note) => archive.collections.removeClaims(id, claimIds, note),
    'collections.ofArticle': (id) => archive.collections.ofArticle(id),
    'collections.addArticles': (id, articleIds) => archive.collections.addArticles(id, articleIds),
    'collections.removeArticles': (id, articleIds) => archive.collections.removeArticles(id, articleIds),
  };
}
