// Domain types shared by main, preload and renderer, one file per domain (as main/api/contract/).
// Inputs that cross the IPC boundary are zod schemas (validated in main); outputs are plain
// interfaces written once. Import from here, or from the domain's own file.
export * from './core';
export * from './articles';
export * from './claims';
export * from './entities';
export * from './editing';
export * from './imports';
export * from './merges';
export * from './maintenance';
export * from './crossref';
export * from './reports';
export * from './highlights';
