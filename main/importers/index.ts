// Public face of the importers: parse files (in workers, with limits) and import them into the archive.
export {
  parseFile,
  parseArchiveFile,
  createImportPool,
  importWorkers,
  resolveWorkerEntry,
  type ImportPool,
  type WorkerEntry,
  type ArchiveParseOptions,
} from './pool';
export { parseBytes, isSupported, checkBeforeParse } from './parse';
export { createImportService, type ImportService, type ImportServiceOptions, type ImportJobOptions } from './service';
export { extractFile, type ExtractedFile } from './extract-file';
export { decodeText } from './decode';
export type { ImportArchive, Extractor } from './archive-port';
export * from './types';
