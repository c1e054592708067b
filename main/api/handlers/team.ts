// Handlers of the team sync methods and of conflicts between devices (main/api/contract/team.ts).
import type { teamContract } from '../contract/team';
import type { HandlersOf, ServiceBase } from './types';
import { claimConflict, conflictCount, reopenConflict, resolveConflict } from '../../app/conflicts';

export function teamHandlers(s: ServiceBase<'teamSync' | 'archive'>): HandlersOf<typeof teamContract> {
  return {
    'team.status': () => s.teamSync.status(),
    'team.configure': (settings) => s.teamSync.configure(settings),
    'team.signIn': (password) => s.teamSync.signIn(password),
    'team.signOut': () => s.teamSync.signOut(),
    'team.forget': () => s.teamSync.forget(),
    'team.syncNow': () => s.teamSync.syncNow(),
    'team.pause': () => s.teamSync.pause(),
    'team.resume': () => s.teamSync.resume(),
    'claims.conflict': (id) => claimConflict(s, id),
    'claims.conflictCount': () => conflictCount(s),
    'claims.resolveConflict': (input) => resolveConflict(s, input),
    'claims.reopenConflict': (id) => reopenConflict(s, id),
  };
}
