// The network behind the graph view: who made the claims, the claims, the entities they name, the
// articles they come from, and the links between claims. Built from the archive for a bounded set
// of claims; drawn in three columns (claimant → claim → entity), only the best-connected nodes.
import type { ClaimLinkType } from '../../shared/domain';
import { call } from './api';

export type NodeKind = 'claimant' | 'claim' | 'entity' | 'article';
export type EdgeKind = 'claimant' | ClaimLinkType | 'entity' | 'article';

export interface GraphNode {
  id: string;
  kind: NodeKind;
  /** The claim, entity or article it stands for; null for a claimant known by name only. */
  refId: number | null;
  label: string;
  /** Its column: 0 who said it (and the articles), 1 the claims, 2 what they name. */
  layer: 0 | 1 | 2;
}
export interface GraphEdge {
  id: string;
  kind: EdgeKind;
  source: string;
  target: string;
}
export interface Network {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export const EDGE_LABELS: Record<EdgeKind, string> = {
  claimant: 'Said by',
  entity: 'Names entity',
  article: 'From article',
  same: 'Same claim',
  supports: 'Supports',
  contradicts: 'Contradicts',
  related: 'Related',
};

/** What the graph shows first: who said what about whom, and how claims relate; not the articles. */
export const DEFAULT_EDGE_KINDS: EdgeKind[] = ['claimant', 'entity', 'same', 'supports', 'contradicts', 'related'];

const short = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const LAYER: Record<NodeKind, GraphNode['layer']> = { claimant: 0, article: 0, claim: 1, entity: 2 };

export async function buildNetwork(claimIds: number[]): Promise<Network> {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const add = (n: Omit<GraphNode, 'layer'>, layer = LAYER[n.kind]) => {
    const had = nodes.get(n.id);
    // An entity that is somebody's claimant stands with the claimants.
    if (!had) nodes.set(n.id, { ...n, layer });
    else if (layer < had.layer) nodes.set(n.id, { ...had, layer });
  };
  const edge = (kind: EdgeKind, source: string, target: string) => {
    const [a, b] = kind === 'same' || kind === 'related' ? [source, target].sort() : [source, target];
    edges.set(`${kind}:${a}>${b}`, { id: `${kind}:${a}>${b}`, kind, source: a, target: b });
  };
  // Many claims share an article: fetch each article once.
  const articles = new Map<number, ReturnType<typeof fetchArticle>>();
  const article = (id: number) => articles.get(id) ?? articles.set(id, fetchArticle(id)).get(id)!;
  await Promise.all(
    claimIds.map(async (id) => {
      const [claim, entities, links] = await Promise.all([call('claims.get', id), call('claims.entities', id), call('links.forClaim', id)]);
      const me = `claim:${id}`;
      add({ id: me, kind: 'claim', refId: id, label: short(claim.statement) });
      if (claim.articleId !== null) {
        const a = await article(claim.articleId);
        add({ id: `article:${a.id}`, kind: 'article', refId: a.id, label: short(a.title, 48) });
        edge('article', `article:${a.id}`, me);
      }
      const claimantEntities = entities.filter((e) => e.role === 'claimant');
      for (const e of entities) {
        const node = `entity:${e.id}`;
        if (e.role === 'claimant') {
          add({ id: node, kind: 'entity', refId: e.id, label: e.name }, 0);
          edge('claimant', node, me);
        } else {
          add({ id: node, kind: 'entity', refId: e.id, label: e.name });
          edge('entity', me, node);
        }
      }
      // A claimant named in the claim but not linked as an entity: a node of its own, by name.
      const name = claim.claimant?.trim();
      if (name && !claimantEntities.some((e) => e.name.toLowerCase() === name.toLowerCase())) {
        const node = `claimant:${name.toLowerCase()}`;
        add({ id: node, kind: 'claimant', refId: null, label: name });
        edge('claimant', node, me);
      }
      for (const l of links.filter((l) => !l.other.deleted)) {
        const other = `claim:${l.other.id}`;
        add({ id: other, kind: 'claim', refId: l.other.id, label: short(l.other.statement) });
        edge(l.type, l.outgoing ? me : other, l.outgoing ? other : me);
      }
    }),
  );
  // An entity both claimant and named elsewhere keeps its place with the claimants; its "names" edges stay.
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

async function fetchArticle(id: number): Promise<{ id: number; title: string }> {
  const { title } = await call('articles.get', id);
  return { id, title };
}

/** The network with only the chosen edge kinds; nodes left without an edge drop out unless in scope. */
export function filterNetwork(net: Network, kinds: Set<EdgeKind>, keep: Set<string>): Network {
  const edges = net.edges.filter((e) => kinds.has(e.kind));
  const used = new Set(edges.flatMap((e) => [e.source, e.target]));
  return { nodes: net.nodes.filter((n) => used.has(n.id) || keep.has(n.id)), edges };
}

function degrees(net: Network): Map<string, number> {
  const deg = new Map<string, number>(net.nodes.map((n) => [n.id, 0]));
  for (const e of net.edges) {
    deg.set(e.source, (deg.get(e.source) ?? 0) + 1);
    deg.set(e.target, (deg.get(e.target) ?? 0) + 1);
  }
  return deg;
}

/**
 * At most `limit` nodes, chosen around the best-connected ones: claims ranked by their own links
 * plus how connected their neighbours are (a claim by a prolific claimant about a much-named
 * entity first; claims in scope before others on a tie), each taken with who made it and the
 * entities it shares with other claims (an entity only it names is left out), until the budget
 * is spent. Edges between kept nodes stay.
 */
export function topByDegree(net: Network, limit: number, keep: Set<string>): Network {
  if (net.nodes.length <= limit) return net;
  const deg = degrees(net);
  const layerOf = new Map(net.nodes.map((n) => [n.id, n.layer]));
  const neighbours = new Map<string, string[]>(net.nodes.map((n) => [n.id, []]));
  for (const e of net.edges) {
    neighbours.get(e.source)?.push(e.target);
    neighbours.get(e.target)?.push(e.source);
  }
  const score = (id: string) => deg.get(id)! + neighbours.get(id)!.reduce((sum, o) => sum + deg.get(o)! - 1, 0);
  const claims = net.nodes
    .filter((n) => n.layer === 1)
    .map((n) => ({ n, score: score(n.id) }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        Number(keep.has(b.n.id)) - Number(keep.has(a.n.id)) ||
        a.n.label.localeCompare(b.n.label) ||
        (a.n.id < b.n.id ? -1 : 1),
    );
  const kept = new Set<string>();
  for (const { n } of claims) {
    if (kept.size >= limit) break;
    if (kept.has(n.id)) continue;
    const extra = neighbours.get(n.id)!.filter((o) => !kept.has(o) && layerOf.get(o) !== 1 && (layerOf.get(o) === 0 || deg.get(o)! > 1));
    if (kept.size + 1 + extra.length > limit) continue;
    kept.add(n.id);
    for (const o of extra) kept.add(o);
  }
  return {
    nodes: net.nodes.filter((n) => kept.has(n.id)),
    edges: net.edges.filter((e) => kept.has(e.source) && kept.has(e.target)),
  };
}

export interface Placed {
  node: GraphNode;
  x: number;
  y: number;
}

/** The layout's sizes in model pixels (the view fits them to the canvas). */
export const LAYOUT = { claimBox: 250, gap: 80, rowGap: 30 } as const;

/**
 * Three columns — claimants (and articles), claims, entities — each top to bottom in an order that
 * keeps lines short: claimants by how much they said, each claim near whoever said it, each
 * entity near the claims that name it. The order is also the keyboard's order.
 */
export function layered(net: Network): Placed[] {
  const deg = degrees(net);
  const byDegree = (a: GraphNode, b: GraphNode) => deg.get(b.id)! - deg.get(a.id)! || a.label.localeCompare(b.label);
  const columns: GraphNode[][] = [0, 1, 2].map((layer) => net.nodes.filter((n) => n.layer === layer));
  const neighbours = new Map<string, string[]>(net.nodes.map((n) => [n.id, []]));
  for (const e of net.edges) {
    neighbours.get(e.source)?.push(e.target);
    neighbours.get(e.target)?.push(e.source);
  }
  const layerOf = new Map(net.nodes.map((n) => [n.id, n.layer]));
  const rank = new Map<string, number>();
  const order = (column: GraphNode[], from: GraphNode['layer']) => {
    const centre = (n: GraphNode) => {
      const at = neighbours
        .get(n.id)!
        .filter((o) => layerOf.get(o) === from)
        .map((o) => rank.get(o))
        .filter((r) => r !== undefined);
      return at.length ? at.reduce((s, r) => s + r, 0) / at.length : Number.POSITIVE_INFINITY;
    };
    const c = new Map(column.map((n) => [n.id, centre(n)]));
    column.sort((a, b) => c.get(a.id)! - c.get(b.id)! || byDegree(a, b));
    column.forEach((n, i) => rank.set(n.id, i));
  };
  columns[0].sort(byDegree).forEach((n, i) => rank.set(n.id, i));
  order(columns[1], 0);
  order(columns[2], 1);
  const { claimBox, gap, rowGap } = LAYOUT;
  const xs = [0, gap + claimBox / 2, gap * 2 + claimBox];
  return columns.flatMap((column, layer) => column.map((node, i) => ({ node, x: xs[layer], y: (i - (column.length - 1) / 2) * rowGap })));
}
