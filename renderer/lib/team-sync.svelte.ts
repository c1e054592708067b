// Team sync's state for Settings ▸ Team and the sidebar's status: one Query of team.status, fetched
// again when main says the state changed ('sync.state') or when records change (the pending count).
import type { TeamSyncStatus } from '../../shared/events';
import { bridge, call } from './api';
import { Query } from './query.svelte';

export const teamStatus = new Query<'team', TeamSyncStatus>({
  key: () => 'team',
  fetch: () => call('team.status'),
  on: ['article', 'claim', 'entity', 'history', 'link', 'evidence', 'collection'],
});

/** Refetches the status whenever main announces a new sync state; returns the unsubscribe. */
export function listenTeamSync(): () => void {
  return bridge().on('sync.state', () => void teamStatus.refetch());
}

/** The state in a word or two, as the sidebar shows it. */
export function teamLabel(s: TeamSyncStatus): string {
  if (s.syncing) return 'Syncing…';
  switch (s.state) {
    case 'off':
      return 'Not syncing';
    case 'synced':
      return 'Synced';
    case 'pending':
      return `Pending ${s.pending}`;
    case 'offline':
      return 'Offline';
    case 'error':
      return 'Sync error';
    case 'paused':
      return s.pending ? `Paused · ${s.pending} pending` : 'Paused';
  }
}
