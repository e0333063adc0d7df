/**
 * The reports function: the annual report built from the stored records, its narrative edited with last year's
 * text beside it, checked, passed through the same approval chain as items, and published as an immutable version.
 * Citizens list and read published reports without login. A past report can be imported from its published text.
 * previewImport reads such a text and says what importPublished would store, writing nothing.
 * Writes (saveNarrative, submit, approve, reject, importPublished) are txActions: the draft, the published version,
 * the audit entries and the stored answer commit together; the records a report counts are read outside it.
 * The handlers: drafts.ts (build, check, status, cellRecords, saveNarrative), chain.ts (submit, approve, reject),
 * publish.ts (published versions, import, export); store.ts reads and writes both collections.
 */

import {
  buildReportSchema,
  cellRecordsSchema,
  exportHtmlSchema,
  getPublishedReportSchema,
  importPublishedSchema,
  listPublishedReportsSchema,
  previewImportSchema,
  rejectReportSchema,
  reportStatusSchema,
  reportStepSchema,
  saveNarrativeSchema,
} from '../../shared/api/reports';
import { staffOf } from '../caller';
import { action, defineFunction, txAction } from '../runtime';
import { approve, reject, submit } from './chain';
import { buildView, cellRecords, check, countYear, saveNarrative, status } from './drafts';
import { exportHtml, getPublished, importPublished, listPublished, previewImport } from './publish';

export const reportsFunction = defineFunction('reports', {
  listPublished: action({ input: listPublishedReportsSchema, handler: listPublished }),
  getPublished: action({ input: getPublishedReportSchema, handler: getPublished }),
  exportHtml: action({ input: exportHtmlSchema, handler: exportHtml }),
  build: action({ input: buildReportSchema, handler: buildView }),
  status: action({ input: reportStatusSchema, handler: status }),
  cellRecords: action({ input: cellRecordsSchema, handler: cellRecords }),
  check: action({ input: buildReportSchema, handler: check }),
  saveNarrative: txAction({ input: saveNarrativeSchema, transaction: saveNarrative }),
  submit: txAction({ input: reportStepSchema, idempotent: true, transaction: submit }),
  approve: txAction({
    input: reportStepSchema,
    idempotent: true,
    prepare: (input, ctx) => countYear(ctx.db, staffOf(ctx).organId, input.year),
    transaction: approve,
  }),
  reject: txAction({ input: rejectReportSchema, idempotent: true, transaction: reject }),
  importPublished: txAction({ input: importPublishedSchema, idempotent: true, transaction: importPublished }),
  previewImport: action({ input: previewImportSchema, handler: previewImport }),
});
