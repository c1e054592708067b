// Command-palette entries for the cross-referencing views: open them on the claims selected in the
// Claims table (or on the claim open in the editor).
import { actions } from './actions.svelte';
import { claimsTable } from './claims-table.svelte';
import { nav, type ViewName } from './navigation.svelte';
import { ui } from './ui.svelte';

async function onSelection(view: ViewName): Promise<void> {
  const ids = await claimsTable.selectedIds();
  if (ids.length) nav.go({ view, scope: { claimIds: ids } });
}

export function registerCrossrefActions(): () => void {
  const hasSelection = () => claimsTable.selectedCount > 0;
  return actions.register('crossref', () => [
    {
      id: 'xref-stance',
      group: 'Cross-reference',
      label: 'Stance matrix of selected claims',
      run: () => void onSelection('stance'),
      enabled: hasSelection,
    },
    {
      id: 'xref-timeline',
      group: 'Cross-reference',
      label: 'Timeline of selected claims',
      run: () => void onSelection('timeline'),
      enabled: hasSelection,
    },
    {
      id: 'xref-graph',
      group: 'Cross-reference',
      label: 'Graph of selected claims',
      run: () => void onSelection('graph'),
      enabled: hasSelection,
    },
    {
      id: 'xref-report',
      group: 'Cross-reference',
      label: 'Report of selected claims',
      run: () => void onSelection('reports'),
      enabled: hasSelection,
    },
    {
      id: 'xref-cluster',
      group: 'Cross-reference',
      label: 'Cluster of the open claim',
      enabled: () => ui.editorClaimId !== null,
      run: () => {
        const id = ui.editorClaimId!;
        ui.editorClaimId = null;
        nav.go({ view: 'cluster', claimId: id, scope: { clusterOf: id } });
      },
    },
  ]);
}
