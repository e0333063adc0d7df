/**
 * Type-level checks, compiled by `tsc -p miniprogram/tsconfig.json` (not run): a page that sends the wrong payload,
 * or reads an answer field its action does not give, does not compile. Each `@ts-expect-error` fails the compile if
 * the error it expects ever goes away.
 */
import { call } from '../../../miniprogram/api/client';

export async function checks(): Promise<unknown[]> {
  const list = await call('items.list', { status: 'draft', pageSize: 50 });
  const more: boolean = list.ok ? list.data.more : false;
  // @ts-expect-error -- items.list takes `keyword`, not `query`
  await call('items.list', { query: '草原' });
  // @ts-expect-error -- `status` is one of the item statuses
  await call('items.list', { status: 'lost' });
  // @ts-expect-error -- requests.track answers no `title`
  const title: string = ((r) => (r.ok ? r.data.title : ''))(
    await call('requests.track', { queryCode: 'A', phoneLast4: '1234' }),
  );
  // @ts-expect-error -- no such action
  await call('items.publish', { id: 'x' });
  // @ts-expect-error -- stats.create needs its `entry`
  await call('stats.create', {}, 'key-12345678');
  return [more, title];
}
