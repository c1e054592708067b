// Which view is showing, and what it shows. Views change it through go(); nothing else routes.
export type ViewName =
  'library' | 'reader' | 'claims' | 'entities' | 'reports' | 'entity' | 'cluster' | 'stance' | 'timeline' | 'graph' | 'team';

/** Which claims a cross-referencing view (stance, timeline, graph, cluster) is about. */
export type CrossrefScope = { clusterOf: number } | { entityId: number } | { search: string } | { claimIds: number[] };

export interface NavTarget {
  view: ViewName;
  articleId?: number | null;
  claimId?: number | null;
  entityId?: number | null;
  scope?: CrossrefScope | null;
}

export class Navigation {
  view = $state<ViewName>('library');
  articleId = $state<number | null>(null);
  claimId = $state<number | null>(null);
  entityId = $state<number | null>(null);
  scope = $state.raw<CrossrefScope | null>(null);

  go(target: NavTarget): void {
    this.view = target.view;
    this.articleId = target.articleId ?? null;
    this.claimId = target.claimId ?? null;
    this.entityId = target.entityId ?? null;
    this.scope = target.scope ?? null;
  }
}

export const nav = new Navigation();

export const MAIN_VIEWS: { view: ViewName; label: string; key: string }[] = [
  { view: 'library', label: 'Library', key: '1' },
  { view: 'claims', label: 'Claims', key: '2' },
  { view: 'entities', label: 'Entities', key: '3' },
  { view: 'reports', label: 'Reports', key: '4' },
];
