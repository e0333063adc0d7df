/**
 * zod's JSON Schema modules are left out of the function bundles (scripts/build-functions/zod-without-json-schema):
 * a built function bundle, pointed at the local server the way the platform points it at its environment, still
 * parses real calls — one that passes and is stored, ones refused naming the field in Chinese. Were a zod update
 * to call the left-out modules while parsing, these calls would throw.
 */
import '../../server/helpers/env';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { bundleEntry } from '../../../scripts/build-functions';
import { leftOutModule } from '../../../scripts/build-functions/zod-without-json-schema';
import { evaluate } from '../../../scripts/build-functions/compact-calendar';
import { itemContent, seedOrgan } from '../../backend/harness';
import { deployedAgainstLocal } from '../../cloudfunctions/helpers/deployed';

const ROOT = path.resolve(__dirname, '../../..');
const OUT = path.join(ROOT, 'dist/.test-bundles/zod-without-json-schema');
interface Answer {
  ok: boolean;
  code?: string;
  message?: string;
  fieldErrors?: { path: string; message: string }[];
  data?: Record<string, unknown>;
}
interface Bundle {
  main(event: unknown, context: unknown): Promise<Answer>;
}

const local = deployedAgainstLocal();

it('a left-out export throws naming itself', () => {
  const code = leftOutModule(['toJSONSchema'], 'json-schema-processors').replace(
    /export \{ (\w+) as (\w+) \};/,
    'module.exports.$2 = $1;',
  );
  const mod = evaluate(code) as { toJSONSchema: () => unknown };
  expect(() => mod.toJSONSchema()).toThrow(/zod toJSONSchema \(json-schema-processors\) is left out/);
});

it('the items bundle, without zod JSON Schema, parses real calls: a valid one is stored, bad ones are named in Chinese', async () => {
  const o = await seedOrgan(local.backend(), '-zod');
  const file = path.join(OUT, 'index.js');
  await bundleEntry(path.join(ROOT, 'cloudfunctions/items/index.ts'), file, 'external');
  const text = readFileSync(file, 'utf8');
  // The plugin replaced both modules (zod's own JSON Schema code, e.g. its draft URIs, is not in the bundle).
  expect(text).toContain('(to-json-schema) is left out');
  expect(text).toContain('(json-schema-processors) is left out');
  expect(text).not.toContain('json-schema.org');
  const fn = require(file) as Bundle;
  const as = (openid: string | null) => (openid ? { environment: JSON.stringify({ WX_OPENID: openid }) } : {});

  const created = await fn.main(
    { action: 'create', payload: { content: itemContent('草原补奖资金发放情况') }, idempotencyKey: 'zod-create-1' },
    as(o.editor),
  );
  expect(created).toMatchObject({ ok: true, data: { id: expect.any(String) as unknown } });
  const id = String(created.data?.id);
  const got = await fn.main({ action: 'get', payload: { id } }, as(o.editor));
  expect(got).toMatchObject({ ok: true, data: { title: '草原补奖资金发放情况' } });

  const missing = await fn.main(
    {
      action: 'create',
      payload: { content: { ...itemContent('x'), title: undefined } },
      idempotencyKey: 'zod-create-2',
    },
    as(o.editor),
  );
  expect(missing).toMatchObject({ ok: false, code: 'VALIDATION' });
  expect(missing.fieldErrors).toEqual([{ path: 'content.title', message: '名称为必填项' }]);
  const tooMany = await fn.main({ action: 'list', payload: { organId: o.organId, pageSize: 500 } }, as(null));
  expect(tooMany).toMatchObject({
    ok: false,
    code: 'VALIDATION',
    fieldErrors: [{ path: 'pageSize', message: '每页条数不能大于 50' }],
  });
  const listed = await fn.main({ action: 'list', payload: { organId: o.organId, status: 'draft' } }, as(o.editor));
  expect(listed).toMatchObject({ ok: true, data: { items: [expect.objectContaining({ id })] } });
}, 60_000);
