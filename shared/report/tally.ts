/** Cells being counted, each with the ids of the records behind it (staff tap a cell to see them). */
import type { CellAddress } from '../format';
import type { Cells } from './schema';
import { emptyCells } from './schema';

export type CellSources = Record<CellAddress, string[]>;

export class Tally {
  readonly cells: Cells = emptyCells(0);
  // Sets, not arrays: a total cites every record of its parts, and membership tests must stay O(1).
  private readonly cited = new Map<CellAddress, Set<string>>();

  /** Adds `amount` to the cell, citing the record `id` (none when the database counted a group of records). */
  add(address: CellAddress, id: string | undefined, amount = 1): void {
    this.cells[address] = Math.round(((this.cells[address] ?? 0) + amount) * 10_000) / 10_000;
    this.cite(address, id === undefined ? [] : [id]);
  }

  set(address: CellAddress, value: number, ids: Iterable<string>): void {
    this.cells[address] = value;
    this.cited.set(address, new Set(ids));
  }

  get(address: CellAddress): number {
    return this.cells[address] ?? 0;
  }

  ids(address: CellAddress): string[] {
    return [...(this.cited.get(address) ?? [])];
  }

  /** A total cell: the sum of its parts, citing every record they cite. */
  total(address: CellAddress, parts: readonly CellAddress[]): void {
    const value = parts.reduce((s, p) => s + this.get(p), 0);
    const ids = new Set<string>();
    for (const p of parts) for (const id of this.cited.get(p) ?? []) ids.add(id);
    this.set(address, Math.round(value * 10_000) / 10_000, ids);
  }

  /** The record ids behind each cell, in the order they were first counted. */
  get sources(): CellSources {
    const out: CellSources = {};
    for (const [address, ids] of this.cited) out[address] = [...ids];
    return out;
  }

  private cite(address: CellAddress, ids: readonly string[]): void {
    let set = this.cited.get(address);
    if (!set) this.cited.set(address, (set = new Set()));
    for (const id of ids) set.add(id);
  }
}
