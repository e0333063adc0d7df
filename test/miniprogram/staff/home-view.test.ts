/** The 工作台's request lines: the status once, the clock after it; the urgent mark does not shift the row. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MINIPROGRAM_ROOT } from '../harness';
import { requestLine } from '../../../miniprogram/staff/pages/home/view';

type Row = Parameters<typeof requestLine>[0];

function row(statusLabel: string, deadline: Partial<NonNullable<Row['deadline']>> | null): Row {
  return {
    id: 'r1',
    applicationNo: '2026-0001',
    applicantName: '卓*',
    statusLabel,
    deadline: deadline && {
      dueDate: '2026-02-10',
      projected: false,
      daysRemaining: 5,
      daysOverdue: 0,
      atRisk: false,
      overdue: false,
      pausedBy: null,
      pauseEndsBy: null,
      provisional: false,
      prompt: null,
      ...deadline,
    },
  } as unknown as Row;
}

describe('工作台 request lines', () => {
  it('says 待确认收到 once when the status already says it', () => {
    expect(requestLine(row('已提交，待确认收到', null)).note).toBe('已提交，待确认收到');
    expect(requestLine(row('已提交', null)).note).toBe('已提交 · 待确认收到');
  });

  it('names a paused clock without repeating the status', () => {
    const line = requestLine(row('待补正', { pausedBy: 'correction' as never }));
    expect(line.note).toBe('待补正 · 期限暂停');
  });

  it('keeps the overdue and due-soon wording', () => {
    expect(requestLine(row('办理中', { overdue: true, daysRemaining: 0 })).note).toBe(
      '办理中 · 已逾期 · 应于 2026-02-10 前答复',
    );
    expect(requestLine(row('办理中', { overdue: true, daysRemaining: 0, daysOverdue: 2 })).note).toBe(
      '办理中 · 已逾期 2 个工作日 · 应于 2026-02-10 前答复',
    );
    expect(requestLine(row('办理中', {})).note).toBe('办理中 · 剩 5 个工作日 · 2026-02-10 前答复');
  });

  it('marks an urgent line with an inset edge, not a border that pushes its text out of line', () => {
    const wxss = readFileSync(path.join(MINIPROGRAM_ROOT, 'staff/pages/home/index.wxss'), 'utf8');
    const urgent = /\.line--urgent\s*\{([^}]*)\}/.exec(wxss)?.[1] ?? '';
    expect(urgent).toContain('box-shadow: inset');
    expect(urgent).not.toMatch(/border|padding|margin/);
  });
});
