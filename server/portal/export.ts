/**
 * The portal as static files (`npm run -s export-site -- <dir>`): the pages `npm start` serves, at the same
 * relative paths, with the catalogue's search as a filter inside the page, each report's .docx and printable
 * HTML, the attachments, and the 目录 as catalogue.csv and catalogue.json for a county portal's CMS.
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../../backend/sdk';
import { directoryCsv, directoryEntry, directoryJson } from '../../shared/catalogue/directory';
import {
  PATHS,
  cataloguePage,
  guidePage,
  requestLinkOf,
  homePage,
  itemPage,
  reportsPage,
} from '../../shared/portal/pages';
import { REPORT_RENDITIONS, notFoundPage, reportFile } from './files';
import { itemYears, loadAllItems, loadOrgan, loadReports, type AttachmentHref } from './data';

export interface ExportOptions {
  /** Where `npm start` keeps uploaded files (<DATA_DIR>/files), to copy the attachments from. */
  filesDir?: string;
  /** The site's address on the county portal: makes the links in catalogue.csv/json absolute. */
  baseUrl?: string;
}

export interface ExportSummary {
  organ: string;
  files: string[];
}

export async function exportSite(db: Db, outDir: string, options: ExportOptions = {}): Promise<ExportSummary> {
  const organ = await loadOrgan(db);
  if (!organ) throw new Error('数据库中没有机关：先运行 npm start 或开通机关');
  const files: string[] = [];
  const write = (rel: string, data: string | Uint8Array): void => {
    const full = path.join(outDir, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, data);
    files.push(rel);
  };
  const copied: AttachmentHref = (fileId, name) => {
    const m = /^local:\/\/([0-9a-f]{32})$/.exec(fileId);
    const source = m && options.filesDir ? path.join(options.filesDir, m[1] ?? '') : null;
    if (!m || !source || !existsSync(source)) return null;
    const ext = /\.[A-Za-z0-9]{1,8}$/.exec(name)?.[0] ?? '';
    const rel = `files/${m[1]}${ext.toLowerCase()}`;
    mkdirSync(path.join(outDir, 'files'), { recursive: true });
    copyFileSync(source, path.join(outDir, rel));
    files.push(rel);
    return rel;
  };
  const items = await loadAllItems(db, organ.id, copied);
  const reports = await loadReports(db, organ.id);
  write(PATHS.home, homePage({ organ, items, reports }));
  write(PATHS.guide, guidePage(organ, requestLinkOf(options.baseUrl ?? '')));
  write(PATHS.catalogue, cataloguePage({ organ, items, filter: {}, years: itemYears(items), mode: 'static' }));
  for (const item of items) write(PATHS.item(item.id), itemPage(organ, item));
  write(PATHS.reports, reportsPage(organ, reports));
  for (const r of reports) {
    for (const rendition of REPORT_RENDITIONS) {
      const file = await reportFile(organ, r, rendition);
      write(file.path, file.body);
    }
  }
  write('404.html', notFoundPage(organ));
  const base = options.baseUrl ? options.baseUrl.replace(/\/?$/, '/') : '';
  const entries = items.map((i) => directoryEntry(i, `${base}${PATHS.item(i.id)}`));
  write(PATHS.csv, directoryCsv(entries));
  write(PATHS.json, directoryJson(organ.name, entries));
  return { organ: organ.name, files };
}
