// Transitional (issue #18): moved to shared/errors.ts. Only main/importers/formats/ and meta/ still import
// this path (being edited elsewhere at the time of the move); new code imports shared/errors.ts.
export * from '../../shared/errors';
