// Handlers of the team sync methods (main/api/contract/team.ts).
import type { teamContract } from '../contract/team';
import type { HandlersOf, ServiceBase } from './types';

export function teamHandlers(s: ServiceBase<'teamSync'>): HandlersOf<typeof teamContract> {
  return {
    'team.status': () => s.teamSync.status(),
    'team.configure': (settings) => s.teamSync.configure(settings),
    'team.signIn': (password) => s.teamSync.signIn(password),
    'team.signOut': () => s.teamSync.signOut(),
    'team.forget': () => s.teamSync.forget(),
    'team.syncNow': () => s.teamSync.syncNow(),
    'team.pause': () => s.teamSync.pause(),
    'team.resume': () => s.teamSync.resume(),
  };
}
