// The stance matrix: actors × propositions. A proposition (column) is a claim with everything
// linked to it as "same"; each actor's cell says asserts / denies / disputes, decided by verb
// cues, by supports/contradicts links and by evidence, with the count of each kind of backing.
import type { Claim, ClaimLink, Stance, StanceEvidence, StanceMatrix, StanceQuery } from '../../shared/domain';
import { analyse } from './text/normalize';
import { articleCache, claimDate, compareDates, requireClaim, type CrossrefArchive } from './archive-port';
import { clusterClaims } from './clusters';
import { frameCue, negationCue, stanceCue } from './stance-cues';

type Decided = Exclude<Stance, 'none'>;

interface Actor {
  key: string;
  name: string;
  entityId: number | null;
}

interface Column {
  key: string;
  label: string;
  claims: Claim[];
}

interface Vote {
  actor: Actor;
  column: string;
  stance: Decided;
  evidence: StanceEvidence;
}

/** Who speaks in a claim: its claimant entity, else the claimant text, else the first speaker hop. */
function actorOf(archive: CrossrefArchive, claim: Claim): Actor {
  const entity = archive.claims.entities(claim.id).find((e) => e.role === 'claimant');
  if (entity) return { key: `entity:${entity.id}`, name: entity.name, entityId: entity.id };
  const name = claim.claimant?.trim() || claim.attribution.find((h) => h.role === 'speaker')?.name.trim();
  if (name) return { key: `name:${name.toLowerCase().replace(/\s+/g, ' ')}`, name, entityId: null };
  return { key: 'unattributed', name: 'Unattributed', entityId: null };
}

function claimCueText(c: Claim): string {
  return `${c.quote}\n${c.statement}`;
}

function columnsFor(archive: CrossrefArchive, query: StanceQuery): Column[] {
  const seeds = 'clusterOf' in query ? [query.clusterOf] : [...new Set(query.claimIds)];
  const columns: Column[] = [];
  const placed = new Set<number>();
  const article = articleCache(archive);
  for (const id of seeds) {
    if (placed.has(id)) continue;
    const { claims } = clusterClaims(archive, id);
    claims.forEach((c) => placed.add(c.id));
    claims.sort((a, b) => compareDates(claimDate(a, article(a.articleId)), claimDate(b, article(b.articleId))) || a.id - b.id);
    columns.push({ key: `claim:${claims[0].id}`, label: claims[0].statement, claims });
  }
  return columns;
}

/**
 * A member of the proposition. The speaker's own framing decides first ("X denied that…", "X stopped
 * short of confirming…"), unless the content itself is the denial ("…are not there," X denied: X asserts
 * what X said). A member worded differently from the proposition may take a stance in its own words; the
 * proposition's own claim never does (a speaker does not dispute what they claim). Otherwise a flipped
 * polarity ("did not", "never", "denied") is a denial. The cue says which words decided.
 */
function memberVote(archive: CrossrefArchive, column: Column, claim: Claim, lead: { statement: string; negated: boolean }): Vote {
  const negated = analyse(claim.statement).negated;
  const isLead = claim.statement.trim().toLowerCase() === lead.statement.trim().toLowerCase();
  let stance: Decided = 'asserts';
  let cue: string | null = null;
  const frame = frameCue(claim.quote, claim.statement);
  const own = isLead ? null : stanceCue(claim.statement);
  if (frame && !(frame.stance === 'denies' && negated)) ({ stance, cue } = frame);
  else if (own) ({ stance, cue } = own);
  else if (negated !== lead.negated) {
    stance = 'denies';
    const word = negationCue(negated ? claim.statement : lead.statement);
    cue = negated ? (word ?? 'negated') : `without “${word ?? 'the negation'}”`;
  }
  return { actor: actorOf(archive, claim), column: column.key, stance, evidence: { via: 'claim', claimId: claim.id, cue } };
}

/** A claim linked from outside: contradicts → denies, supports → asserts, related → only its cue. */
function linkVote(archive: CrossrefArchive, column: Column, link: ClaimLink, other: Claim): Vote | null {
  const cue = stanceCue(claimCueText(other));
  let stance: Decided | null;
  if (link.type === 'contradicts') stance = cue?.stance === 'disputes' ? 'disputes' : 'denies';
  else if (link.type === 'supports') stance = cue?.stance ?? 'asserts';
  else stance = cue?.stance ?? null;
  if (!stance) return null;
  return {
    actor: actorOf(archive, other),
    column: column.key,
    stance,
    evidence: { via: 'link', claimId: other.id, cue: cue?.cue ?? null },
  };
}

function votesFor(archive: CrossrefArchive, column: Column): Vote[] {
  const votes: Vote[] = [];
  const members = new Set(column.claims.map((c) => c.id));
  const lead = { statement: column.claims[0].statement, negated: analyse(column.claims[0].statement).negated };
  const getArticle = articleCache(archive);
  const seenLinks = new Set<number>();
  for (const claim of column.claims) {
    votes.push(memberVote(archive, column, claim, lead));
    for (const link of archive.links.forClaim(claim.id)) {
      const otherId = link.fromClaimId === claim.id ? link.toClaimId : link.fromClaimId;
      if (members.has(otherId) || seenLinks.has(link.id) || link.type === 'same') continue;
      seenLinks.add(link.id);
      const vote = linkVote(archive, column, link, requireClaim(archive, otherId));
      if (vote) votes.push(vote);
    }
    for (const e of archive.evidence.forClaim(claim.id)) {
      if (e.stance === 'context') continue;
      const a = getArticle(e.articleId);
      const name = a?.outlet?.trim() || a?.title || `article ${e.articleId}`;
      const actor = { key: `source:${name.toLowerCase()}`, name, entityId: null };
      const stance: Decided = e.stance === 'supports' ? 'asserts' : 'denies';
      votes.push({ actor, column: column.key, stance, evidence: { via: 'evidence', claimId: claim.id, evidenceId: e.id, cue: null } });
    }
  }
  return votes;
}

/** Most backing wins; a tie between asserting and denying is a dispute. */
function decide(counts: Record<Decided, number>): Decided {
  const max = Math.max(counts.asserts, counts.denies, counts.disputes);
  const top = (['asserts', 'denies', 'disputes'] as const).filter((s) => counts[s] === max);
  return top.length === 1 ? top[0] : 'disputes';
}

export function stanceMatrix(archive: CrossrefArchive, query: StanceQuery): StanceMatrix {
  const columns = columnsFor(archive, query);
  const actors = new Map<string, Actor>();
  const cells = new Map<string, StanceMatrix['cells'][number]>();
  for (const vote of columns.flatMap((c) => votesFor(archive, c))) {
    if (!actors.has(vote.actor.key)) actors.set(vote.actor.key, vote.actor);
    const id = `${vote.actor.key}\u0000${vote.column}`;
    const cell = cells.get(id) ?? {
      actor: vote.actor.key,
      column: vote.column,
      stance: 'asserts',
      counts: { asserts: 0, denies: 0, disputes: 0 },
      evidence: [],
    };
    cell.counts[vote.stance]++;
    cell.evidence.push(vote.evidence);
    cell.stance = decide(cell.counts);
    cells.set(id, cell);
  }
  return {
    actors: [...actors.values()],
    columns: columns.map((c) => ({ key: c.key, label: c.label, claimIds: c.claims.map((x) => x.id) })),
    cells: [...cells.values()],
  };
}
