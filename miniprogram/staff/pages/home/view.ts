/** 工作台 list lines. Pure. */
import type { ItemSummary } from 'gongkai-core';
import { categoryLabel } from '../../labels';

export interface WorkLine {
  id: string;
  title: string;
  note: string;
}

export function workLine(item: ItemSummary): WorkLine {
  const parts = [item.category ? categoryLabel(item.category) : '', item.writtenDate ? `成文 ${item.writtenDate}` : ''];
  return { id: item.id, title: item.title || '（未命名）', note: parts.filter((p) => p !== '').join(' · ') };
}
