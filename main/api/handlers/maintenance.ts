// Handlers of the maintenance methods (main/api/contract/maintenance.ts).
import type { maintenanceContract } from '../contract/maintenance';
import type { HandlersOf, ServiceBase } from './types';

export function maintenanceHandlers(s: ServiceBase<'archive' | 'emit'>): HandlersOf<typeof maintenanceContract> {
  return {
    'archive.backups': () => s.archive.listBackups(),
    'archive.restoreBackup': async (name) => {
      await s.archive.restoreBackup(name);
      // Every view shows different data now.
      s.emit('archive.changed', { kind: 'all' });
      return s.archive.info();
    },
    'archive.recoverJournal': async () => {
      await s.archive.recoverJournal();
      s.emit('archive.changed', { kind: 'all' });
      return s.archive.info();
    },
    'archive.tryAgain': async () => {
      const before = s.archive.info().readOnly;
      await s.archive.tryAgain();
      const info = s.archive.info();
      if (before && !info.readOnly) s.emit('archive.changed', { kind: 'all' });
      return info;
    },
  };
}
