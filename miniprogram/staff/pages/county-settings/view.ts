/** 县级设置 as data: the organs with their aliases as one line to edit, and that line read back. Pure. */
import type { CountyOrgan } from 'gongkai-staff';

export interface OrganLine {
  organId: string;
  name: string;
  /** 扎毛乡政府、扎毛乡 — the aliases as typed and shown. */
  aliases: string;
  note: string;
}

/** The aliases typed in one line, split at commas, 顿号 or spaces (county.setAliases checks each). */
export function aliasesOf(text: string): string[] {
  return text
    .split(/[,，、;；\s]+/)
    .map((a) => a.trim())
    .filter((a) => a !== '');
}

export function organLine(organ: CountyOrgan): OrganLine {
  return {
    organId: organ.organId,
    name: organ.name,
    aliases: organ.aliases.join('、'),
    note: organ.onProduct ? '已使用本系统' : '未使用本系统（县级代录）',
  };
}
