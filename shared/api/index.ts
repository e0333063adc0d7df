/**
 * The contract between the mini program and the cloud functions: one function per domain area, each routing on
 * `action`. Payload schemas here are used by the page forms and by the functions alike.
 */
export * from './envelope';
export * from './items';
export * from './reports';

export const FUNCTION_NAMES = ['organ', 'items', 'stats', 'cases', 'requests', 'reports'] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];
export * from './organ';
export * from './records';
