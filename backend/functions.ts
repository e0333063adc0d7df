/** Every cloud function handler by name: the local server's /functions route and the bundles use the same ones. */
import type { FunctionName } from '../shared/api';
import { itemsFunction } from './items';
import { organFunction } from './organ';
import { casesFunction } from './cases';
import { countyFunction } from './county';
import { reportsFunction } from './reports';
import { requestsFunction } from './requests';
import { statsFunction } from './stats';
import type { FunctionHandler } from './runtime';

export const FUNCTION_HANDLERS: Partial<Record<FunctionName, FunctionHandler>> = {
  organ: organFunction,
  items: itemsFunction,
  stats: statsFunction,
  cases: casesFunction,
  reports: reportsFunction,
  requests: requestsFunction,
  county: countyFunction,
};
