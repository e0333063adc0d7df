/** Working-day calendar, request deadline clock and 信息处理费 tables: pure, dates as 'YYYY-MM-DD'. */
export * from './dates';
export * from './errors';
export * from './schema';
export * from './calendar';
export * from './rules';
export * from './events';
export * from './timeline';
export * from './replay';
export * from './clock';
export * from './fees';
export * from './statutory';
export * from './publication';
