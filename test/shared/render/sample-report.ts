/** Report data for the renderer tests: all zeros unless a test says otherwise. */
import { emptyCells, emptySections, type Cells, type ReportData } from '../../../shared/report';

export function sampleReport(overrides: Partial<Cells> = {}, patch: Partial<ReportData> = {}): ReportData {
  const cells: Cells = { ...emptyCells(0) };
  for (const [address, value] of Object.entries(overrides)) {
    if (value !== undefined) cells[address] = value;
  }
  return {
    organ: '扎毛乡人民政府',
    year: 2023,
    formatVersion: '2021',
    cells,
    sections: { ...emptySections(), overview: '2023 年，扎毛乡认真贯彻落实政府信息公开工作。', other: '无。' },
    overviewParts: [],
    narrative: { proactiveCount: null, applicationsReceived: null, processingFeesYuan: null },
    findings: [],
    ...patch,
  };
}
