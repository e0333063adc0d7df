/** Published annual reports: what citizens read, without signing in. */
import {
  getPublishedReportSchema,
  listPublishedReportsSchema,
  parseWith,
  type PublishedReport,
  type PublishedReportSummary,
  type Result,
} from 'gongkai-core';
import { call } from './client';

export async function fetchPublishedReports(organId?: string): Promise<Result<PublishedReportSummary[]>> {
  const input = parseWith(listPublishedReportsSchema, organId === undefined ? {} : { organId });
  if (!input.ok) return input;
  return call('reports', 'listPublished', input.data);
}

export async function fetchPublishedReport(id: string): Promise<Result<PublishedReport>> {
  const input = parseWith(getPublishedReportSchema, { id });
  if (!input.ok) return input;
  return call('reports', 'getPublished', input.data);
}
