/**
 * The reports function: the annual report built from the stored records, its narrative edited with last year's
 * text beside it, checked, passed through the same approval chain as items, and published as an immutable version.
 * Citizens list and read published reports without login. A past report can be imported from its published text.
 * previewImport reads such a text and says what importPublished would store, writing nothing.
 * Writes (saveNarrative, submit, approve, reject, importPublished) are transactional: the draft, the published version,
 * the audit entries and the stored answer commit together; the records a report counts are read outside it.
 * The handlers: drafts.ts (build, check, status, cellRecords, saveNarrative), chain.ts (submit, approve, reject),
 * publish.ts (published versions, import, export); store.ts reads and writes both collections.
 */

import { reportsContract } from '../../shared/api/contracts/reports';
import { staffOf } from '../caller';
import { defineFunction } from '../runtime';
import { approve, correct, reject, submit } from './chain';
import { buildView, cellRecords, check, countYear, saveNarrative, status } from './drafts';
import { exportDocx, exportHtml } from './export';
import { getPublished, importPublished, listPublished, previewImport } from './publish';
import { latePublicationsOf } from './late';

export const reportsFunction = defineFunction('reports', reportsContract, {
  listPublished: { handler: listPublished },
  getPublished: { handler: getPublished },
  exportHtml: { handler: exportHtml },
  exportDocx: { handler: exportDocx },
  build: { handler: buildView },
  latePublications: { handler: latePublicationsOf },
  status: { handler: status },
  cellRecords: { handler: cellRecords },
  check: { handler: check },
  saveNarrative: { transaction: saveNarrative },
  correct: { transaction: correct },
  submit: { transaction: submit },
  approve: {
    prepare: (input, ctx) => countYear(ctx.db, staffOf(ctx).organId, input.year),
    transaction: approve,
  },
  reject: { transaction: reject },
  importPublished: { transaction: importPublished },
  previewImport: { handler: previewImport },
});
