/**
 * The county function: the county's 政务公开 office over the organs under it (shared/api/contracts/county.ts).
 * Reads: view.ts (dashboard, one report); moves on a report: moves.ts (return, publish on behalf, paste in);
 * the list of organs: organs.ts. The rows they read and write: rows.ts; who may reach which organ: scope.ts.
 */
import { countyContract } from '../../shared/api/contracts/county';
import { defineFunction } from '../runtime';
import { importReport, publishOnBehalf, returnReport } from './moves';
import { addOrgan, inviteOrgan, listOrgans, setAliases, settings } from './organs';
import { dashboard, report } from './view';

export const countyFunction = defineFunction('county', countyContract, {
  dashboard: { handler: dashboard },
  report: { handler: report },
  organs: { handler: listOrgans },
  return: { transaction: returnReport },
  publish: { transaction: publishOnBehalf },
  importReport: { transaction: importReport },
  addOrgan: { transaction: addOrgan },
  setAliases: { transaction: setAliases },
  settings: { transaction: settings },
  inviteOrgan: { transaction: inviteOrgan },
});
