/**
 * The 政府信息公开目录 as data a county portal's CMS can import (条例 第十二条: each item's 索引, 名称, 内容概述 and
 * 生成日期), with 发布机构, 分类 and the link of the item's page: as CSV (UTF-8 with BOM so Excel reads it, CRLF,
 * RFC 4180 quoting) and as JSON. Pure.
 */
import { categoryLabel } from './categories';

export interface DirectoryItem {
  id: string;
  title: string;
  indexNo: string | null;
  publisher: string;
  category: string;
  /** 成文日期: when the information was made. */
  writtenDate: string;
  publishedDate: string | null;
  body: string;
}

export interface DirectoryEntry {
  indexNo: string;
  title: string;
  summary: string;
  generatedDate: string;
  publisher: string;
  category: string;
  link: string;
}

/** Column order and headings of the CSV, as a CMS import template names them. */
export const DIRECTORY_COLUMNS: readonly (readonly [keyof DirectoryEntry, string])[] = [
  ['indexNo', '索引号'],
  ['title', '名称'],
  ['summary', '内容概述'],
  ['generatedDate', '生成日期'],
  ['publisher', '发布机构'],
  ['category', '分类'],
  ['link', '链接'],
];

/** 内容概述: the body's first sentences, whitespace collapsed, at most this many characters. */
export const SUMMARY_LENGTH = 120;

export function contentSummary(body: string, title: string): string {
  const text = body.replace(/\s+/g, ' ').trim();
  if (text === '') return title;
  const chars = [...text];
  return chars.length <= SUMMARY_LENGTH ? text : `${chars.slice(0, SUMMARY_LENGTH).join('')}…`;
}

export function directoryEntry(item: DirectoryItem, link: string): DirectoryEntry {
  return {
    indexNo: item.indexNo ?? '',
    title: item.title,
    summary: contentSummary(item.body, item.title),
    generatedDate: item.writtenDate,
    publisher: item.publisher,
    category: categoryLabel(item.category),
    link,
  };
}

/** A cell as RFC 4180 wants it; a leading = + - @ is prefixed with ' so a spreadsheet never runs it as a formula. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function directoryCsv(entries: readonly DirectoryEntry[]): string {
  const lines = [
    DIRECTORY_COLUMNS.map(([, label]) => label),
    ...entries.map((e) => DIRECTORY_COLUMNS.map(([k]) => e[k])),
  ];
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export function directoryJson(organ: string, entries: readonly DirectoryEntry[]): string {
  const columns = Object.fromEntries(DIRECTORY_COLUMNS);
  return `${JSON.stringify({ organ, columns, items: entries }, null, 2)}\n`;
}
