export * from './schema';
export * from './build';
export type { CellSources } from './tally';
export * from './rules';
