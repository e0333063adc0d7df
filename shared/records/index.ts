export * from './common';
export * from './item';
export * from './request';
export * from './stat-entry';
export * from './review-case';
export * from './index-no';
export * from './organ-name';
