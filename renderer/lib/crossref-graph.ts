// The network behind the graph view: claims, the entities they name, the articles they come from,
// and the links between claims. Built from the archive for a bounded set of claims.
import type { ClaimLinkType } from '../../shared/domain';
import { call } from './api';

export type NodeKind = 'claim' | 'entity' | 'article';
export type EdgeKind = ClaimLinkType | 'entity' | 'article';

export interface GraphNode {
  id: string;
  kind: NodeKind;
  refId: number;
  label: string;
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
  same: 'Same claim',
  supports: 'Supports',
  contradicts: 'Contradicts',
  related: 'Related',
  entity: 'Names entity',
  article: 'From article',
};

const short = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export async function buildNetwork(claimIds: number[]): Promise<Network> {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const add = (n: GraphNode) => nodes.has(n.id) || nodes.set(n.id, n);
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
        edge('article', me, `article:${a.id}`);
      }
      for (const e of entities) {
        add({ id: `entity:${e.id}`, kind: 'entity', refId: e.id, label: e.name });
        edge('entity', me, `entity:${e.id}`);
      }
      for (const l of links.filter((l) => !l.other.deleted)) {
        const other = `claim:${l.other.id}`;
        add({ id: other, kind: 'claim', refId: l.other.id, label: short(l.other.statement) });
        edge(l.type, l.outgoing ? me : other, l.outgoing ? other : me);
      }
    }),
  );
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
