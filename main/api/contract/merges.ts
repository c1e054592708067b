// `.claimdesk` files opened from the file manager that would merge into this archive's work: they wait
// for the user's yes or no (a dialog in the window), since nobody chose them inside the app.
import { z } from 'zod';
import { method } from './define';
import { Id, type ImportSummary, type PendingMerge } from '../../../shared/domain';

export const mergesContract = {
  /** The files waiting, oldest first (the window asks about each; it also looks after archive.changed). */
  'archive.pendingMerges': method<PendingMerge[]>()(z.tuple([])),
  /** Yes: reads, checks and merges the file now, as if it had been dropped; NOT_FOUND when it no longer waits. */
  'archive.confirmMerge': method<ImportSummary>()(z.tuple([Id])),
  /** No: forgets the file; nothing was written. NOT_FOUND when it no longer waits. */
  'archive.dismissMerge': method<void>()(z.tuple([Id])),
} as const;
