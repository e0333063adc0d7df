/**
 * The contract between the mini program and the cloud functions: one function per domain area, each routing on
 * `action`. Payload schemas here are used by the page forms and by the functions alike.
 */
export * from './envelope';
export * from './items';
export * from './reports';
export * from './organ';
export * from './records';
