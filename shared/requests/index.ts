/**
 * The information-request (依申请公开) core: submission schemas (条例 第二十九条、第三十一条), identity tokens,
 * masking and audience views, the state machine over shared/calendar's clock, fees (109号) and letters.
 * Pure: `today`, ids, random bytes and the calendar come in as arguments.
 */
export * from './id-types';
export * from './identity';
export * from './schema';
export * from './tokens';
export * from './mask';
export * from './actions';
export * from './model';
export * from './errors';
export * from './fees';
export * from './transitions';
export * from './guards';
export * from './workflow';
export * from './views';
export * from './letters';
