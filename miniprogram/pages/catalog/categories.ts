/** The catalogue categories: the data lives in shared/catalogue (the portal and the 指南 use the same list). */
export { ALL_CATEGORIES, ARTICLE_20, ARTICLE_21, CATEGORIES, categoryLabel } from 'gongkai-core';
export type { Category } from 'gongkai-core';
