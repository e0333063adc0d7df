/**
 * The report renditions the portal serves and the export writes (server/portal/files): which one a name under
 * reports/ asks for, for each path a rendition is written to (their contents: test/server/portal/portal.test.ts).
 */
import { REPORT_RENDITIONS, reportRenditionOf } from '../../../server/portal/files';
import { PATHS } from '../../../shared/portal/pages';

describe('reportRenditionOf', () => {
  it('reads the rendition from the name’s ending, the bare id (the staff preview’s link) being the page', () => {
    expect(reportRenditionOf('r-1.docx')).toEqual({ id: 'r-1', rendition: 'docx' });
    expect(reportRenditionOf('r-1.print.html')).toEqual({ id: 'r-1', rendition: 'print' });
    expect(reportRenditionOf('r-1.html')).toEqual({ id: 'r-1', rendition: 'page' });
    expect(reportRenditionOf('r-1')).toEqual({ id: 'r-1', rendition: 'page' });
  });

  it('finds each rendition again at the path it is written to', () => {
    const id = 'r-1';
    const paths = { page: PATHS.report(id), docx: PATHS.reportDocx(id), print: PATHS.reportPrint(id) };
    for (const rendition of REPORT_RENDITIONS) {
      expect(reportRenditionOf(paths[rendition].replace(/^reports\//, ''))).toEqual({ id, rendition });
    }
  });
});
