import { extractNarrativeNumbers } from '../../../shared/report/narrative-numbers';
import { emptySections, type Sections } from '../../../shared/report';

const said = (overview: string, other = ''): Sections => ({ ...emptySections(), overview, other });
const n = (overview: string, other = '') => extractNarrativeNumbers(said(overview, other));

describe('extractNarrativeNumbers', () => {
  it('is all null for text that states nothing', () => {
    expect(extractNarrativeNumbers(emptySections())).toEqual({
      proactiveCount: null,
      applicationsReceived: null,
      processingFeesYuan: null,
    });
  });

  it.each([
    ['全年主动公开政府信息 264 条。', 264],
    ['本年度主动公开各类信息1,234条，其中规范性文件3件。', 1234],
    ['通过门户网站主动公开 56 条。', 56],
    ['全年共公开政府信息 78 条。', 78],
    ['主动公开政府信息共计 90 件。', 90],
    ['主动公开政府信息２６４条。', 264],
    ['主动公开政府信息 120 余条。', null],
    ['全年累计发布政府信息 300 条。', 300],
    ['本年度，我镇共主动公开政府信息公开条目 356 条。', 356],
    ['主动公开规范性文件 3 件。', null],
  ])('proactiveCount: %s → %p', (text, expected) => {
    expect(n(text).proactiveCount).toBe(expected);
  });

  it.each([
    ['全年共收到政府信息公开申请 5 件。', 5],
    ['本年度新收政府信息公开申请12件，上年结转1件。', 12],
    ['共受理依申请公开事项 3 件。', 3],
    ['全年办理依申请公开 6 件。', 6],
    ['2023年，未收到自然人、法人或其他组织的信息公开申请。', 0],
    ['本年度无依申请公开情况。', 0],
    ['收到政府信息公开申请 0 件。', 0],
    ['本年度收到行政复议申请 2 件。', null],
    ['收到行政复议申请 2 件，收到政府信息公开申请 7 件。', 7],
    ['未收到政府信息公开申请。此前收到申请 3 件。', 0],
  ])('applicationsReceived: %s → %p', (text, expected) => {
    expect(n(text).applicationsReceived).toBe(expected);
  });

  it.each([
    ['本年度未收取信息处理费。', 0],
    ['本年度收取信息处理费0元。', 0],
    ['收取信息处理费 1,200 元。', 1200],
    ['收取信息处理费 0.12 万元。', 1200],
    ['信息处理费：无。', 0],
    ['不存在收取信息处理费的情况。', 0],
    ['依照《政府信息公开信息处理费管理办法》收取信息处理费 100 元。', 100],
    ['无。', null],
  ])('processingFeesYuan: %s → %p', (text, expected) => {
    expect(n('', text).processingFeesYuan).toBe(expected);
  });

  it('looks in 总体情况 first, then the other sections', () => {
    const sections: Sections = {
      ...emptySections(),
      overview: '主动公开政府信息 10 条。',
      proactive: '主动公开政府信息 20 条。',
      applications: '收到政府信息公开申请 4 件。',
    };
    expect(extractNarrativeNumbers(sections)).toEqual({
      proactiveCount: 10,
      applicationsReceived: 4,
      processingFeesYuan: null,
    });
  });
});
