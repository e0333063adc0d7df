/**
 * What `npm start` serves and `npm run export-site` writes alike: a published report in its three renditions (its
 * page on the site, its .docx, its printable HTML), and the page of a path that is not there (or no longer).
 */
import type { GuideOrgan } from '../../shared/catalogue/guide';
import { PATHS, errorPage, reportPage, type PortalReport } from '../../shared/portal/pages';
import { renderHtml } from '../../shared/render';
import { renderDocx } from '../../shared/render/docx';
import { reportTitle } from '../../shared/render/text';

export const REPORT_RENDITIONS = ['page', 'docx', 'print'] as const;
export type ReportRendition = (typeof REPORT_RENDITIONS)[number];

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** One file of the site: where it stands, its media type, what it holds, and the name it downloads under. */
export interface PortalFile {
  path: string;
  type: string;
  body: string | Uint8Array;
  /** Offered as a download under this name (the .docx). */
  download?: string;
}

/** A published report as one of its renditions, at its path in PATHS. */
export async function reportFile(organ: GuideOrgan, r: PortalReport, rendition: ReportRendition): Promise<PortalFile> {
  if (rendition === 'docx') {
    const download = `${reportTitle(r.report.organ, r.year)}.docx`;
    return { path: PATHS.reportDocx(r.id), type: DOCX_TYPE, body: await renderDocx(r.report), download };
  }
  if (rendition === 'print') return { path: PATHS.reportPrint(r.id), type: 'text/html', body: renderHtml(r.report) };
  return { path: PATHS.report(r.id), type: 'text/html', body: reportPage(organ, r) };
}

/**
 * The report and rendition a name under reports/ asks for: `<id>.docx`, `<id>.print.html`, `<id>.html`, or the
 * bare `<id>` (the staff preview's link) for its page.
 */
export function reportRenditionOf(name: string): { id: string; rendition: ReportRendition } {
  const rendition = name.endsWith('.docx') ? 'docx' : name.endsWith('.print.html') ? 'print' : 'page';
  return { id: name.replace(/\.docx$|\.print\.html$|\.html$/, ''), rendition };
}

/** The page of a path that is not on the site, or an item or report withdrawn since. */
export function notFoundPage(organ: GuideOrgan | null): string {
  return errorPage(organ, 404, '页面不存在', '您访问的页面不存在或已被撤回，请从首页或公开目录查找。');
}
