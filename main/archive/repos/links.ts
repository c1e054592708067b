// Typed links between claims and evidence articles for a claim. Both show in the claims' history.
import { AppError } from '../../../shared/errors';
import { ClaimLinkType, NewEvidence, type ClaimLink, type Evidence } from '../../../shared/domain';
import { notFound, parseInput, type RepoContext, type RepoBase, type WriteMode, type Written } from './context';
import { checkSpan, getClaim } from './claim-rows';
import { getArticle } from './articles';
import { recordHistory } from './history';
import { CLAIM_LINK, EVIDENCE, insertSql, newRecordColumns, rowValues, selectList } from '../schema';

const SYMMETRIC = new Set(['same', 'related']);
const LINK_COLUMNS = selectList(CLAIM_LINK, 'l');
const EVIDENCE_COLUMNS = selectList(EVIDENCE, 'e');
const NEW_LINK = newRecordColumns(CLAIM_LINK);
const INSERT_LINK = insertSql(CLAIM_LINK, NEW_LINK);
const NEW_EVIDENCE = newRecordColumns(EVIDENCE);
const INSERT_EVIDENCE = insertSql(EVIDENCE, NEW_EVIDENCE);

function getLink(ctx: RepoBase, id: number): ClaimLink {
  const link = ctx.sql.get<ClaimLink>(`SELECT ${LINK_COLUMNS} FROM claim_link l WHERE id = ?`, [id]);
  if (!link) throw notFound('Link', id);
  return link;
}

function getEvidence(ctx: RepoBase, id: number): Evidence {
  const evidence = ctx.sql.get<Evidence>(`SELECT ${EVIDENCE_COLUMNS} FROM evidence e WHERE id = ?`, [id]);
  if (!evidence) throw notFound('Evidence', id);
  return evidence;
}

export function createLinkRepo<M extends WriteMode>(ctx: RepoContext<M>) {
  return {
    add: (fromId: number, toId: number, type: ClaimLinkType, note = ''): Written<M, ClaimLink> =>
      ctx.write(() => {
        const linkType = parseInput(ClaimLinkType, type, 'link type');
        if (fromId === toId) throw new AppError('INVALID_ARGUMENT', 'A claim cannot be linked to itself.');
        getClaim(ctx, fromId);
        getClaim(ctx, toId);
        const existing = ctx.sql.get<{ id: number }>(
          `SELECT id FROM claim_link WHERE type = ? AND ((from_claim_id = ? AND to_claim_id = ?) OR (? AND from_claim_id = ? AND to_claim_id = ?))`,
          [linkType, fromId, toId, SYMMETRIC.has(linkType) ? 1 : 0, toId, fromId],
        );
        if (existing)
          throw new AppError('CONFLICT', `Claims ${fromId} and ${toId} are already linked as "${linkType}" (link ${existing.id}).`);
        const at = ctx.now();
        ctx.sql.run(
          INSERT_LINK,
          rowValues(CLAIM_LINK, NEW_LINK, { fromClaimId: fromId, toClaimId: toId, type: linkType, note, createdAt: at }),
        );
        const link = getLink(ctx, ctx.sql.lastId());
        recordHistory(ctx, fromId, 'link', null, link, note || null, at);
        recordHistory(ctx, toId, 'link', null, link, note || null, at);
        return link;
      }),

    remove: (id: number): Written<M, void> =>
      ctx.write(() => {
        const link = getLink(ctx, id);
        const at = ctx.now();
        ctx.sql.run('DELETE FROM claim_link WHERE id = ?', [id]);
        recordHistory(ctx, link.fromClaimId, 'link', link, null, null, at);
        recordHistory(ctx, link.toClaimId, 'link', link, null, null, at);
      }),

    forClaim: (claimId: number): ClaimLink[] =>
      ctx.sql.all<ClaimLink>(`SELECT ${LINK_COLUMNS} FROM claim_link l WHERE from_claim_id = ? OR to_claim_id = ? ORDER BY id`, [
        claimId,
        claimId,
      ]),
  };
}

export function createEvidenceRepo<M extends WriteMode>(ctx: RepoContext<M>) {
  return {
    add: (input: NewEvidence): Written<M, Evidence> =>
      ctx.write(() => {
        const e = parseInput(NewEvidence, input, 'evidence');
        getClaim(ctx, e.claimId);
        getArticle(ctx, e.articleId);
        const quote = checkSpan(ctx, e);
        const at = ctx.now();
        ctx.sql.run(INSERT_EVIDENCE, rowValues(EVIDENCE, NEW_EVIDENCE, { ...e, quote, createdAt: at }));
        const evidence = getEvidence(ctx, ctx.sql.lastId());
        recordHistory(ctx, e.claimId, 'evidence', null, evidence, e.note || null, at);
        return evidence;
      }),

    remove: (id: number): Written<M, void> =>
      ctx.write(() => {
        const evidence = getEvidence(ctx, id);
        ctx.sql.run('DELETE FROM evidence WHERE id = ?', [id]);
        recordHistory(ctx, evidence.claimId, 'evidence', evidence, null);
      }),

    forClaim: (claimId: number): Evidence[] =>
      ctx.sql.all<Evidence>(`SELECT ${EVIDENCE_COLUMNS} FROM evidence e WHERE claim_id = ? ORDER BY id`, [claimId]),
  };
}
