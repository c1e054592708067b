// What the claims table and the graph decide before anything is drawn: a resized column's width
// and its bounds, one name per verdict whatever the scale, which nodes a crowded graph keeps, and
// where each column of the graph sits.
import { describe, expect, it } from 'vitest';
import { clampWidth, COLUMNS, columnDefs, columnTemplate, DEFAULT_COLUMNS, MAX_WIDTH } from '../../../renderer/lib/columns';
import { labelOfKey, verdictLabel } from '../../../renderer/lib/format';
import { layered, topByDegree, type GraphNode, type Network } from '../../../renderer/lib/crossref-graph';
import { statusAfterVerdict, VERDICT_SCALES } from '../../../shared/verdicts';

describe('claims table columns', () => {
  it('shows statement, claimant, article, date and verdict by default; a resized column keeps its pixels', () => {
    expect(DEFAULT_COLUMNS).toEqual(['statement', 'claimant', 'article', 'date', 'verdict']);
    const defs = columnDefs(DEFAULT_COLUMNS);
    expect(columnTemplate(defs, {})).toBe(defs.map((c) => c.width).join(' '));
    expect(columnTemplate(defs, { article: 320 }).split(' ')).toContain('320px');
    const statement = COLUMNS.find((c) => c.id === 'statement')!;
    expect(clampWidth(statement, 12)).toBe(statement.min);
    expect(clampWidth(statement, 99_999)).toBe(MAX_WIDTH);
    expect(clampWidth(statement, 401.6)).toBe(402);
  });
});

describe('verdict names', () => {
  it('are the same in the filter (by key) and in the editor (by scale), whatever the scale spells', () => {
    for (const scale of VERDICT_SCALES)
      for (const v of scale.verdicts) {
        expect(verdictLabel(scale.key, v.key)).toBe(labelOfKey(v.key));
        expect(verdictLabel(scale.key, v.key).toLowerCase()).toBe(v.label.toLowerCase());
      }
    expect(verdictLabel('politifact', 'pants-on-fire')).toBe('Pants on fire');
    expect(verdictLabel('claimdesk', null)).toBe('Unrated');
  });

  it('moves only a new claim that gets a verdict, to done', () => {
    expect(statusAfterVerdict('new', 'false')).toBe('done');
    expect(statusAfterVerdict('new', null)).toBe('new');
    expect(statusAfterVerdict('needs_review', 'true')).toBe('needs_review');
    expect(statusAfterVerdict('in_progress', 'true')).toBe('in_progress');
  });
});

/** Claimants c0…, each with `perClaimant` claims; every claim names one shared entity and one of its own. */
function network(claimants: number, perClaimant: number): Network {
  const nodes: GraphNode[] = [{ id: 'entity:hub', kind: 'entity', refId: 1, label: 'Harbour', layer: 2 }];
  const edges: Network['edges'] = [];
  let claim = 0;
  for (let p = 0; p < claimants; p++) {
    nodes.push({ id: `claimant:c${p}`, kind: 'claimant', refId: null, label: `Claimant ${p}`, layer: 0 });
    for (let k = 0; k < perClaimant; k++, claim++) {
      const id = `claim:${claim}`;
      nodes.push({ id, kind: 'claim', refId: claim, label: `Claim ${claim}`, layer: 1 });
      nodes.push({ id: `entity:own${claim}`, kind: 'entity', refId: 100 + claim, label: `Only in ${claim}`, layer: 2 });
      edges.push({ id: `claimant:c${p}>${id}`, kind: 'claimant', source: `claimant:c${p}`, target: id });
      edges.push({ id: `entity:${id}>hub`, kind: 'entity', source: id, target: 'entity:hub' });
      edges.push({ id: `entity:${id}>own`, kind: 'entity', source: id, target: `entity:own${claim}` });
    }
  }
  return { nodes, edges };
}

describe('a crowded graph', () => {
  it('keeps at most N nodes: claims with who made them and the entities they share, every kept node linked', () => {
    const net = network(6, 8); // 1 + 6 + 48 + 48 nodes
    const shown = topByDegree(net, 30, new Set());
    expect(shown.nodes.length).toBeLessThanOrEqual(30);
    expect(shown.nodes.length).toBeGreaterThan(20);
    const ids = new Set(shown.nodes.map((n) => n.id));
    expect(ids.has('entity:hub')).toBe(true);
    expect(shown.nodes.some((n) => n.id.startsWith('entity:own'))).toBe(false); // named by one claim only
    for (const n of shown.nodes) expect(shown.edges.some((e) => e.source === n.id || e.target === n.id)).toBe(true);
    // Every claim shown comes with whoever made it.
    for (const c of shown.nodes.filter((n) => n.kind === 'claim'))
      expect(shown.edges.some((e) => e.kind === 'claimant' && e.target === c.id && ids.has(e.source))).toBe(true);
    expect(topByDegree(net, 1_000, new Set())).toBe(net);
  });

  it('lays the kept nodes out in three columns, claimant → claim → entity, each claim beside whoever made it', () => {
    const shown = topByDegree(network(3, 3), 40, new Set());
    const placed = layered(shown);
    expect(placed).toHaveLength(shown.nodes.length);
    const x = (kind: string) => [...new Set(placed.filter((p) => p.node.kind === kind).map((p) => p.x))];
    expect(x('claimant')).toHaveLength(1);
    expect(x('claim')).toHaveLength(1);
    expect(x('claimant')[0]).toBeLessThan(x('claim')[0]);
    expect(x('claim')[0]).toBeLessThan(Math.min(...x('entity')));
    // Claims come in the order of their claimants (no crossing lines between the first two columns).
    const y = new Map(placed.map((p) => [p.node.id, p.y]));
    const claimantOf = (claim: string) => shown.edges.find((e) => e.kind === 'claimant' && e.target === claim)!.source;
    const claims = placed.filter((p) => p.node.kind === 'claim').sort((a, b) => a.y - b.y);
    const owners = claims.map((c) => y.get(claimantOf(c.node.id))!);
    expect(owners).toEqual([...owners].sort((a, b) => a - b));
  });
});
