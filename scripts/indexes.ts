/**
 * `npm run -s indexes [-- --json]`: the indexes of backend/indexes.ts as the CloudBase console's 索引管理 asks for
 * them (collection, index name, fields with 升序/降序), for the deploy step of the README's "Going live".
 * Nothing here talks to CloudBase: creating them there is done in the console (or with its API) and cannot be
 * checked from this machine.
 */
import { INDEXES } from '../backend/indexes';

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(INDEXES, null, 2));
} else {
  console.log('| 集合 | 索引名称 | 索引字段（按顺序） |');
  console.log('|---|---|---|');
  for (const spec of INDEXES) {
    // An array field: the console's ordinary index on it is multikey (one entry per element).
    const fields = spec.fields
      .map((f) => `${f.field} ${f.direction === 1 ? '升序' : '降序'}${f.array ? '（数组字段）' : ''}`)
      .join('，');
    console.log(`| ${spec.collection} | ${spec.name} | ${fields} |`);
  }
}
