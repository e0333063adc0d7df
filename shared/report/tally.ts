/** Cells being counted, each with the ids of the records behind it (staff tap a cell to see them). */
import type { CellAddress } from '../format';
import type { Cells } from './schema';
import { emptyCells } from './schema';

export type CellSources = Record<CellAddress, string[]>;

export class Tally {
  readonly cells: Cells = emptyCells(0);
  readonly sources: CellSources = {};

  add(address: CellAddress, id: string, amount = 1): void {
    this.cells[address] = Math.round(((this.cells[address] ?? 0) + amount) * 10_000) / 10_000;
    this.cite(address, [id]);
  }

  set(address: CellAddress, value: number, ids: readonly string[]): void {
    this.cells[address] = value;
    this.sources[address] = [];
    this.cite(address, ids);
  }

  get(address: CellAddress): number {
    return this.cells[address] ?? 0;
  }

  ids(address: CellAddress): string[] {
    return this.sources[address] ?? [];
  }

  /** A total cell: the sum of its parts, citing every record they cite. */
  total(address: CellAddress, parts: readonly CellAddress[]): void {
    const value = parts.reduce((s, p) => s + this.get(p), 0);
    this.set(address, Math.round(value * 10_000) / 10_000, parts.flatMap((p) => this.ids(p)));
  }

  private cite(address: CellAddress, ids: readonly string[]): void {
    const list = (this.sources[address] ??= []);
    for (const id of ids) if (!list.includes(id)) list.push(id);
  }
}
