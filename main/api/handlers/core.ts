// Handlers of the foundation methods (main/api/contract/core.ts).
import type { HandlersOf, ServiceBase } from './types';
import type { coreContract } from '../contract/core';

export function coreHandlers(s: ServiceBase<'archive' | 'version'>): HandlersOf<typeof coreContract> {
  const { archive } = s;
  return {
    'app.info': () => ({ version: s.version, archive: archive.info() }),

    'articles.list': (q) => archive.articles.list(q),
    'articles.outlets': () => archive.articles.outlets(),
    'articles.tags': () => archive.articles.tags(),
    'articles.get': (id) => archive.articles.get(id),
    'articles.update': (id, patch) => archive.articles.update(id, patch),
    'articles.delete': (id) => archive.articles.delete(id),
    'articles.restore': (id) => archive.articles.restore(id),

    'claims.list': (q) => archive.claims.list(q),
    'claims.get': (id) => archive.claims.get(id),
    'claims.create': (c) => archive.claims.insert(c),
    'claims.update': (id, patch, note) => archive.claims.update(id, patch, note),
    'claims.setStatus': (id, status, note) => archive.claims.setStatus(id, status, note),
    'claims.setVerdict': (id, scale, verdict, note) => archive.claims.setVerdict(id, scale, verdict, note),
    'claims.history': (id) => archive.claims.history(id),
    'claims.delete': (id) => archive.claims.delete(id),
    'claims.restore': (id) => archive.claims.restore(id),

    'entities.list': (q) => archive.entities.list(q),
  };
}
