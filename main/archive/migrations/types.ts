import type { Database } from '../engine/database';

/** One schema step. `sql` runs first, then `up` (for data changes that need code). */
export interface Migration {
  version: number;
  name: string;
  sql?: string;
  up?: (db: Database) => void;
}
