// The report being built in the Reports view: which claims (one way of choosing), layout and cover
// text, turned into a ReportSpec; plus the debounced live preview and exports.
import type { ReportField, ReportGroupBy, ReportSort, ReportSpec } from '../../shared/domain';
import { DEFAULT_REPORT_FIELDS } from '../../shared/report-formats';
import type { ExportFormat } from '../../shared/report-formats';
import { call, errorMessage } from './api';
import { claimsTable } from './claims-table.svelte';
import { Query } from './query.svelte';
import type { CrossrefScope } from './navigation.svelte';
import { today } from './dates';
import { plural } from './format';

/** How the report's claims are chosen ("Choose claims by" in the Reports view). */
export type ChooseClaimsBy = 'all' | 'selection' | 'search' | 'collection' | 'entity' | 'cluster';

export const PREVIEW_DELAY_MS = 350;

export class ReportBuilder {
  chooseBy = $state<ChooseClaimsBy>('all');
  search = $state('');
  collectionId = $state<number | null>(null);
  entityId = $state<number | null>(null);
  clusterOf = $state<number | null>(null);
  /** Claims picked elsewhere (a selection in the claims table, or a cross-referencing view). */
  claimIds = $state.raw<number[]>([]);

  fields = $state.raw<ReportField[]>([...DEFAULT_REPORT_FIELDS]);
  groupBy = $state<ReportGroupBy>('verdict');
  sort = $state<ReportSort>('date');
  title = $state('Claim review report');
  author = $state('');
  organisation = $state('');
  /** The cover date: today unless the researcher picks another. */
  date = $state(today());
  intro = $state('');
  verifiable = $state(false);

  /** The spec the preview shows: set a short pause after the last change, so typing stays smooth. */
  previewSpec = $state.raw<ReportSpec | null>(null);
  /** The preview of `previewSpec`, fetched again when a claim (or what a report shows of it) changes. */
  readonly preview = new Query({
    key: () => this.previewSpec,
    fetch: (spec) => call('reports.preview', spec),
    on: ['claim', 'article', 'entity', 'evidence', 'link', 'collection'],
  });
  exporting = $state<ExportFormat | null>(null);
  exportResult = $state<{ ok: boolean; message: string } | null>(null);

  /** Starts from what the user was looking at: the claims table's selection, or a cross-referencing scope. */
  async startFrom(scope: CrossrefScope | null): Promise<void> {
    if (scope && 'clusterOf' in scope) [this.chooseBy, this.clusterOf] = ['cluster', scope.clusterOf];
    else if (scope && 'entityId' in scope) [this.chooseBy, this.entityId] = ['entity', scope.entityId];
    else if (scope && 'search' in scope) [this.chooseBy, this.search] = ['search', scope.search];
    else if (scope && 'claimIds' in scope) [this.chooseBy, this.claimIds] = ['selection', scope.claimIds];
    else if (claimsTable.selectedCount > 0) {
      this.claimIds = await claimsTable.selectedIds();
      this.chooseBy = 'selection';
    }
  }

  async useTableSelection(): Promise<void> {
    this.claimIds = claimsTable.selectedCount > 0 ? await claimsTable.selectedIds() : [];
  }

  /** The spec, or the reason there is none yet (said to the user instead of a preview). */
  spec(): ReportSpec | string {
    const choice = this.choice();
    if (typeof choice === 'string') return choice;
    if (!this.title.trim()) return 'Give the report a title.';
    return {
      ...choice,
      fields: this.fields,
      groupBy: this.groupBy,
      sort: this.sort,
      title: this.title.trim(),
      author: this.author.trim(),
      organisation: this.organisation.trim() || null,
      ...(this.date ? { date: this.date } : {}),
      intro: this.intro,
      verifiable: this.verifiable,
    };
  }

  private choice(): Partial<ReportSpec> | string {
    switch (this.chooseBy) {
      case 'all':
        return { search: { limit: 5_000 } };
      case 'selection':
        return this.claimIds.length
          ? { claimIds: this.claimIds }
          : 'Select claims in the Claims view first (click, Shift-click, Ctrl-click).';
      case 'search':
        return this.search.trim()
          ? { search: { search: this.search.trim(), sort: 'relevance', limit: 5_000 } }
          : 'Type words to search for.';
      case 'collection':
        return this.collectionId !== null ? { collectionId: this.collectionId } : 'Choose a collection.';
      case 'entity':
        return this.entityId !== null ? { entityId: this.entityId } : 'Choose an entity.';
      case 'cluster':
        return this.clusterOf !== null ? { clusterOf: this.clusterOf } : 'Choose a claim: the report covers every appearance of it.';
    }
  }

  async export(format: ExportFormat): Promise<void> {
    const spec = this.spec();
    if (typeof spec === 'string') {
      this.exportResult = { ok: false, message: spec };
      return;
    }
    this.exporting = format;
    this.exportResult = null;
    try {
      const res = await call('reports.export', spec, format);
      if (res)
        this.exportResult = {
          ok: true,
          message:
            res.articles !== undefined
              ? `Saved citations of ${plural(res.articles, 'source article')} to ${res.out}`
              : `Saved ${plural(res.claims, 'claim')} to ${res.out}`,
        };
    } catch (err) {
      this.exportResult = { ok: false, message: `Export failed: ${errorMessage(err)}` };
    } finally {
      this.exporting = null;
    }
  }
}

export const reportBuilder = new ReportBuilder();
