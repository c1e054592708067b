// Transitional (issue #18): moved to shared/verdicts.ts. Only main/importers/formats/ and meta/ still import
// this path (being edited elsewhere at the time of the move); new code imports shared/verdicts.ts.
export * from '../../shared/verdicts';
