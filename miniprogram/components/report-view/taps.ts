/**
 * The taps report-view.wxml hands to its page (onJump, onCellTap), the same in the citizen reader and the staff
 * preview: jump to a section below the sticky bar, and say which row and column a tapped number belongs to.
 */
import type { SectionKey } from 'gongkai-core';
import { describeCell, sectionAnchor } from './view';

/** Marks `key` active in the jump bar and scrolls its section to just below the bar (`clearPx` high). */
export function jumpToSection(page: { setData(data: { active: SectionKey }): void }, key: SectionKey, clearPx: number) {
  page.setData({ active: key });
  void wx.pageScrollTo({ selector: `#${sectionAnchor(key)}`, offsetTop: -clearPx, duration: 200 });
}

/** A tapped number (`i`: its cell's index in the format, `t`: the text shown) with its row and column labels. */
export function explainCell({ i, t }: { i?: number; t?: string }): void {
  const cell = typeof i === 'number' ? describeCell(i) : null;
  if (cell === null) return;
  void wx.showModal({
    title: `数值：${t ?? ''}`,
    content: `${cell.row}\n${cell.column}`,
    showCancel: false,
    confirmText: '知道了',
  });
}
