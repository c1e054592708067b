// Every change the views make, as undoable edits over the typed API. An undo is the API call
// that puts things back, noted "Undo: …" in the claim's history so the record stays honest.
import type {
  Article,
  ArticlePatch,
  BulkChange,
  Claim,
  Collection,
  DeletedCollection,
  ClaimEntity,
  ClaimLinkType,
  ClaimPatch,
  ClaimQuery,
  SavedSearch,
  ClaimWorkflowState,
  EntityLinkResult,
  EntityRole,
  EntityTarget,
  EvidenceView,
  LinkedClaim,
  MergedEntity,
  NewClaim,
  NewEvidence,
  Suggestion,
  SuggestionEdits,
} from '../../shared/domain';
import type { VerdictScaleKey } from '../../shared/verdicts';
import { call } from './api';
import { plural, verdictLabel } from './format';
import type { UndoableEdit } from './undo.svelte';

/** Several edits as one undo step; undone in reverse order. */
export function sequence(label: string, edits: UndoableEdit[]): UndoableEdit {
  return {
    label,
    do: async () => {
      for (const c of edits) await c.do();
    },
    undo: async () => {
      for (const c of [...edits].reverse()) await c.undo();
    },
  };
}

function pick<T extends object, K extends keyof T>(obj: T, keys: K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) out[k] = obj[k];
  return out;
}

export function editClaim(before: Claim, patch: ClaimPatch, label = 'Edit claim'): UndoableEdit {
  const previous = pick(before, Object.keys(patch) as (keyof ClaimPatch)[]);
  return {
    label,
    do: async () => void (await call('claims.update', before.id, patch)),
    undo: async () => void (await call('claims.update', before.id, previous, `Undo: ${label}`)),
  };
}

export function setVerdict(before: Claim, scale: VerdictScaleKey, verdict: string | null, note: string): UndoableEdit {
  const label = `Set verdict: ${verdictLabel(scale, verdict)}`;
  return {
    label,
    do: async () => void (await call('claims.setVerdict', before.id, scale, verdict, note)),
    undo: async () => void (await call('claims.setVerdict', before.id, before.verdictScale, before.verdict, `Undo: ${label}`)),
  };
}

export function setStatus(before: Claim, status: Claim['status'], note?: string): UndoableEdit {
  const label = 'Change status';
  return {
    label,
    do: async () => void (await call('claims.setStatus', before.id, status, note)),
    undo: async () => void (await call('claims.setStatus', before.id, before.status, `Undo: ${label}`)),
  };
}

/** Creates a claim; redo restores the same claim (same id) rather than making a second one. */
export function createClaim(input: NewClaim, onCreated?: (claim: Claim) => void): UndoableEdit & { claimId(): number | null } {
  let id: number | null = null;
  return {
    label: 'New claim',
    claimId: () => id,
    do: async () => {
      const claim = id === null ? await call('claims.create', input) : await call('claims.restore', id);
      id = claim.id;
      onCreated?.(claim);
    },
    undo: async () => void (id !== null && (await call('claims.delete', id))),
  };
}

export function deleteClaim(claim: Claim): UndoableEdit {
  return {
    label: 'Delete claim',
    do: async () => void (await call('claims.delete', claim.id)),
    undo: async () => void (await call('claims.restore', claim.id)),
  };
}

/** A bulk change; its undo puts every claim back as it was, in one transaction. */
export function bulkChange(ids: number[], change: BulkChange, label: string): UndoableEdit {
  let before: ClaimWorkflowState[] = [];
  return {
    label,
    do: async () => void ({ before } = await call('claims.bulkUpdate', ids, change)),
    undo: async () => void (before.length && (await call('claims.bulkRevert', before, `Undo: ${label}`))),
  };
}

export function addLink(fromId: number, toId: number, type: ClaimLinkType, note = ''): UndoableEdit {
  let id: number | null = null;
  return {
    label: 'Link claims',
    do: async () => void (id = (await call('links.add', fromId, toId, type, note)).id),
    undo: async () => void (id !== null && (await call('links.remove', id))),
  };
}

export function removeLink(link: LinkedClaim): UndoableEdit {
  let id = link.id;
  return {
    label: 'Remove link',
    do: async () => void (await call('links.remove', id)),
    undo: async () => void (id = (await call('links.add', link.fromClaimId, link.toClaimId, link.type, link.note)).id),
  };
}

/**
 * Links an entity to a claim (`onLinked` hears what main did the first time). Redo links the same
 * entity by id, so an entity created by the first run is not created twice.
 */
export function linkEntity(
  claimId: number,
  target: EntityTarget,
  role: EntityRole,
  name: string,
  onLinked?: (result: EntityLinkResult) => void,
): UndoableEdit {
  let entityId = 'entityId' in target ? target.entityId : null;
  let first = true;
  const label = `Link “${name}” as ${role}`;
  return {
    label,
    do: async () => {
      const result = await call('claims.linkEntity', claimId, entityId === null ? target : { entityId }, role);
      entityId = result.entity.id;
      if (first) onLinked?.(result);
      first = false;
    },
    undo: async () => void (entityId !== null && (await call('claims.unlinkEntity', claimId, entityId, role, `Undo: ${label}`))),
  };
}

export function unlinkEntity(claimId: number, entity: ClaimEntity): UndoableEdit {
  const label = `Remove “${entity.name}” (${entity.role})`;
  return {
    label,
    do: async () => void (await call('claims.unlinkEntity', claimId, entity.id, entity.role)),
    undo: async () => void (await call('claims.linkEntity', claimId, { entityId: entity.id }, entity.role, `Undo: ${label}`)),
  };
}

type Named = { id: number; name: string };

/** Folds `gone` into `keep`; undo splits it back out exactly (entities.unmerge), redo merges again. */
export function mergeEntities(keep: Named, gone: Named): UndoableEdit {
  return {
    label: `Merge “${gone.name}” into “${keep.name}”`,
    do: async () => void (await call('entities.merge', keep.id, gone.id)),
    undo: async () => void (await call('entities.unmerge', gone.id)),
  };
}

/** Splits an entity back out of the one it was merged into; undo merges it again. */
export function splitEntity(merged: MergedEntity, keptName: string): UndoableEdit {
  return {
    label: `Split “${merged.name}” out of “${keptName}”`,
    do: async () => void (await call('entities.unmerge', merged.id)),
    undo: async () => void (await call('entities.merge', merged.mergedInto, merged.id)),
  };
}

export function addEvidence(input: NewEvidence): UndoableEdit {
  let id: number | null = null;
  return {
    label: 'Add evidence',
    do: async () => void (id = (await call('evidence.add', input)).id),
    undo: async () => void (id !== null && (await call('evidence.remove', id))),
  };
}

export function removeEvidence(e: EvidenceView): UndoableEdit {
  let id = e.id;
  const input: NewEvidence = {
    claimId: e.claimId,
    articleId: e.articleId,
    quote: e.quote,
    start: e.start,
    end: e.end,
    stance: e.stance,
    note: e.note,
  };
  return {
    label: 'Remove evidence',
    do: async () => void (await call('evidence.remove', id)),
    undo: async () => void (id = (await call('evidence.add', input)).id),
  };
}

/** Accepting a suggestion; undo deletes the claim made and makes it pending again, redo restores that claim. */
export function acceptSuggestion(s: Suggestion, edits?: SuggestionEdits, onAccepted?: (claim: Claim) => void): UndoableEdit {
  let claimId: number | null = null;
  return {
    label: 'Accept suggestion',
    do: async () => {
      if (claimId === null) {
        const res = await call('suggestions.accept', s.articleId, s.id, edits);
        claimId = res.claim.id;
        onAccepted?.(res.claim);
      } else await call('suggestions.revert', s.articleId, [{ id: s.id, state: 'accepted', claimId }]);
    },
    undo: async () => void (await call('suggestions.revert', s.articleId, [{ id: s.id, state: 'pending' }])),
  };
}

export function rejectSuggestion(s: Suggestion): UndoableEdit {
  let done = false;
  return {
    label: 'Reject suggestion',
    do: async () => {
      if (done) await call('suggestions.revert', s.articleId, [{ id: s.id, state: 'rejected' }]);
      else await call('suggestions.reject', s.articleId, s.id);
      done = true;
    },
    undo: async () => void (await call('suggestions.revert', s.articleId, [{ id: s.id, state: 'pending' }])),
  };
}

export function acceptAbove(articleId: number, threshold: number, onDone?: (count: number) => void): UndoableEdit {
  let accepted: { suggestionId: number; claimId: number }[] | null = null;
  return {
    label: `Accept suggestions ≥ ${Math.round(threshold * 100)}%`,
    do: async () => {
      if (accepted === null) accepted = (await call('suggestions.acceptAbove', articleId, threshold)).accepted;
      else if (accepted.length)
        await call(
          'suggestions.revert',
          articleId,
          accepted.map((a) => ({ id: a.suggestionId, state: 'accepted' as const, claimId: a.claimId })),
        );
      onDone?.(accepted.length);
    },
    undo: async () => {
      if (accepted?.length)
        await call(
          'suggestions.revert',
          articleId,
          accepted.map((a) => ({ id: a.suggestionId, state: 'pending' as const })),
        );
    },
  };
}

export function updateArticle(before: Article, patch: ArticlePatch): UndoableEdit {
  const previous = pick(before, Object.keys(patch) as (keyof ArticlePatch)[]);
  return {
    label: 'Edit article details',
    do: async () => void (await call('articles.update', before.id, patch)),
    undo: async () => void (await call('articles.update', before.id, previous)),
  };
}

export function deleteArticle(article: { id: number; title: string }): UndoableEdit {
  return {
    label: `Delete “${article.title || 'Untitled article'}”`,
    do: async () => void (await call('articles.delete', article.id)),
    undo: async () => void (await call('articles.restore', article.id)),
  };
}

export function saveSearch(name: string, query: ClaimQuery): UndoableEdit {
  let saved: SavedSearch | null = null;
  return {
    label: `Save search “${name}”`,
    do: async () => void (saved = await call('savedSearches.save', name, query)),
    undo: async () => void (saved && (await call('savedSearches.remove', saved.id))),
  };
}

export function removeSearch(search: SavedSearch): UndoableEdit {
  let id = search.id;
  return {
    label: `Remove saved search “${search.name}”`,
    do: async () => void (await call('savedSearches.remove', id)),
    undo: async () => void (id = (await call('savedSearches.save', search.name, search.query)).id),
  };
}

/** Makes a collection; undo deletes it, redo puts the same one back (same id). */
export function createCollection(name: string, onCreated?: (collection: Collection) => void): UndoableEdit {
  let made: DeletedCollection | null = null;
  return {
    label: `New collection “${name}”`,
    do: async () => {
      const k = made ? await call('collections.restore', made) : await call('collections.create', name);
      if (!made) onCreated?.(k);
      made = { id: k.id, name: k.name, createdAt: k.createdAt, members: [] };
    },
    undo: async () => void (made && (await call('collections.delete', made.id))),
  };
}

export function renameCollection(before: Collection, name: string): UndoableEdit {
  const label = `Rename collection “${before.name}” to “${name}”`;
  return {
    label,
    do: async () => void (await call('collections.rename', before.id, name)),
    undo: async () => void (await call('collections.rename', before.id, before.name)),
  };
}

/** Deletes a collection (its claims stay); undo puts it back with the same members. */
export function deleteCollection(collection: Collection): UndoableEdit {
  let deleted: DeletedCollection | null = null;
  const label = `Delete collection “${collection.name}”`;
  return {
    label,
    do: async () => void (deleted = await call('collections.delete', collection.id)),
    undo: async () => void (deleted && (await call('collections.restore', deleted, `Undo: ${label}`))),
  };
}

/** Adds claims; undo takes out only those that were not in it before. */
export function addToCollection(collection: Collection, claimIds: number[]): UndoableEdit {
  let added: number[] = [];
  const label = `Add ${plural(claimIds.length, 'claim')} to “${collection.name}”`;
  return {
    label,
    do: async () => void ({ added } = await call('collections.add', collection.id, claimIds)),
    undo: async () => void (added.length && (await call('collections.remove', collection.id, added, `Undo: ${label}`))),
  };
}

/**
 * Takes claims out; undo adds back exactly those that were in it. `onRemoved` hears which were. None
 * taken out (each in it only through its article) is no undo step.
 */
export function removeFromCollection(collection: Collection, claimIds: number[], onRemoved?: (removed: number[]) => void): UndoableEdit {
  let removed: number[] = [];
  const label = `Remove ${plural(claimIds.length, 'claim')} from “${collection.name}”`;
  return {
    label,
    do: async () => {
      ({ removed } = await call('collections.remove', collection.id, claimIds));
      onRemoved?.(removed);
    },
    undo: async () => void (removed.length && (await call('collections.add', collection.id, removed, `Undo: ${label}`))),
    changed: () => removed.length > 0,
  };
}

/** Adds articles (and so their claims); undo takes out only those that were not in it before. */
export function addArticlesToCollection(collection: Collection, articleIds: number[]): UndoableEdit {
  let added: number[] = [];
  return {
    label: `Add ${plural(articleIds.length, 'article')} to “${collection.name}”`,
    do: async () => void ({ added } = await call('collections.addArticles', collection.id, articleIds)),
    undo: async () => void (added.length && (await call('collections.removeArticles', collection.id, added))),
  };
}

/** Takes articles out; undo adds back exactly those that were in it. */
export function removeArticlesFromCollection(collection: Collection, articleIds: number[]): UndoableEdit {
  let removed: number[] = [];
  return {
    label: `Remove ${plural(articleIds.length, 'article')} from “${collection.name}”`,
    do: async () => void ({ removed } = await call('collections.removeArticles', collection.id, articleIds)),
    undo: async () => void (removed.length && (await call('collections.addArticles', collection.id, removed))),
  };
}
