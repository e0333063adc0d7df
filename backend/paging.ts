/** Reads every document matching a query, 1000 at a time (CloudBase caps one get at 1000). */
import { rows, type Collection, type Row } from './sdk';

export async function fetchAll(col: Collection, where: object, fields?: Record<string, boolean>): Promise<Row[]> {
  const out: Row[] = [];
  for (let skip = 0; ; skip += 1000) {
    let q = col.where(where).orderBy('_id', 'asc').skip(skip).limit(1000);
    if (fields) q = q.field(fields);
    const page = rows(await q.get());
    out.push(...page);
    if (page.length < 1000) return out;
  }
}
