// Merging a .claimdesk file into the archive: record counts, results, merges waiting for a yes.

/** Records of each kind in a `.claimdesk` archive file. */
export interface ArchiveRecordCounts {
  articles: number;
  claims: number;
  entities: number;
  links: number;
  evidence: number;
  history: number;
  collections: number;
  savedSearches: number;
}
/** What importing one `.claimdesk` file did: restored verbatim into an empty archive, or merged into this one. */
export interface ArchiveImportResult {
  mode: 'restored' | 'merged';
  added: ArchiveRecordCounts;
  /** Not added because already here: the same file, claim, entity or name, or a record of a claim already here. */
  present: ArchiveRecordCounts;
  /** A merge's id: archive.undoMerge(mergeId) takes back exactly what it added. */
  mergeId?: number;
}
/** What undoing an archive merge removed (the records it had added). */
export interface ArchiveMergeUndoResult {
  mergeId: number;
  /** The merged file's name, when known. */
  source: string | null;
  removed: ArchiveRecordCounts;
}
/**
 * A `.claimdesk` file opened from the file manager (not dropped or chosen in the app) that would merge
 * into an archive holding work: nothing is written until archive.confirmMerge(id).
 */
export interface PendingMerge {
  id: number;
  path: string;
  /** What the file holds (checked against every limit already). */
  records: ArchiveRecordCounts;
}
