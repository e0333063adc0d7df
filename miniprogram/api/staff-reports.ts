/**
 * Staff actions of the annual report builder: build a year from the records, where it stands, the records behind
 * one cell, the narrative (saved with its version), the approval chain, and a published report as HTML. Payloads
 * are checked with the shared schemas before anything is sent; the server decides who may act at which step.
 */
import {
  buildReportSchema,
  cellRecordsSchema,
  exportHtmlSchema,
  importPublishedSchema,
  parseWith,
  previewImportSchema,
  rejectReportSchema,
  reportStatusSchema,
  reportStepSchema,
  saveNarrativeSchema,
  type BuiltReportView,
  type CellRecordsView,
  type ExportedHtml,
  type ImportPreview,
  type PublishedReportSummary,
  type ReportMoved,
  type ReportStatus,
  type Result,
  type Sections,
} from 'gongkai-core';
import { call } from './client';

export type {
  BuiltReportView,
  CellRecordsView,
  CellRecordSummary,
  ExportedHtml,
  ImportPreview,
  ReportMoved,
  ReportState,
  ReportStatus,
} from 'gongkai-core';

export async function buildReport(year: number): Promise<Result<BuiltReportView>> {
  const input = parseWith(buildReportSchema, { year });
  if (!input.ok) return input;
  return call('reports', 'build', input.data);
}

export async function fetchReportStatus(year?: number): Promise<Result<ReportStatus>> {
  const input = parseWith(reportStatusSchema, year === undefined ? {} : { year });
  if (!input.ok) return input;
  return call('reports', 'status', input.data);
}

export async function fetchCellRecords(year: number, cell: string): Promise<Result<CellRecordsView>> {
  const input = parseWith(cellRecordsSchema, { year, cell });
  if (!input.ok) return input;
  return call('reports', 'cellRecords', input.data);
}

/** CONFLICT when someone saved since `version` was read: reload, then edit again. */
export async function saveNarrative(
  year: number,
  version: number,
  sections: Partial<Sections>,
): Promise<Result<{ version: number }>> {
  const input = parseWith(saveNarrativeSchema, { year, version, sections });
  if (!input.ok) return input;
  return call('reports', 'saveNarrative', input.data);
}

export async function submitReport(year: number, requestId: string): Promise<Result<ReportMoved>> {
  const input = parseWith(reportStepSchema, { year });
  if (!input.ok) return input;
  return call('reports', 'submit', input.data, requestId);
}

export async function approveReport(year: number, requestId: string, comment?: string): Promise<Result<ReportMoved>> {
  const input = parseWith(reportStepSchema, comment === undefined ? { year } : { year, comment });
  if (!input.ok) return input;
  return call('reports', 'approve', input.data, requestId);
}

export async function rejectReport(year: number, comment: string, requestId: string): Promise<Result<ReportMoved>> {
  const input = parseWith(rejectReportSchema, { year, comment });
  if (!input.ok) return input;
  return call('reports', 'reject', input.data, requestId);
}

export async function exportReportHtml(id: string): Promise<Result<ExportedHtml>> {
  const input = parseWith(exportHtmlSchema, { id });
  if (!input.ok) return input;
  return call('reports', 'exportHtml', input.data);
}

/** What importing this published text would store (admin); nothing is written. */
export async function previewImport(text: string): Promise<Result<ImportPreview>> {
  const input = parseWith(previewImportSchema, { text });
  if (!input.ok) return input;
  return call('reports', 'previewImport', input.data);
}

/** Imports and publishes a past report as a new version of its year (admin). */
export async function importPublished(text: string, requestId: string): Promise<Result<PublishedReportSummary>> {
  const input = parseWith(importPublishedSchema, { text });
  if (!input.ok) return input;
  return call('reports', 'importPublished', input.data, requestId);
}
