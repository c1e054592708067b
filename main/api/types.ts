// Transitional (issue #18): moved to shared/domain/ (one file per domain). Only
// main/importers/formats/ and meta/ still import this path (being edited elsewhere at the time of
// the move); new code imports shared/domain.
export * from '../../shared/domain';
