/** Reply letters for the 21 outcomes of table 三 and the notices of an open request: plain-text drafts. */
export * from './outcomes';
export * from './fill';
export * from './templates';
export * from './draft';
export * from './notices';
export * from './issued';
