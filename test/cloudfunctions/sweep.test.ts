/**
 * The deployed `requests` bundle answering its timer trigger: pointed at the local server the way the platform
 * points a function at its environment (TCB_CONTEXT_CNFG's URL), a timer event runs the sweep through the
 * production entry — a lapsed 补正 deadline closes the request — and the subscribe message goes through the
 * SDK's cloud call (callWxOpenApi), which the local server does not serve: it stays queued with the error noted.
 */
import '../server/helpers/env';
import path from 'node:path';
import { COLLECTIONS } from '../../backend/collections';
import { requestsFunction } from '../../backend/requests';
import { one, rows } from '../../backend/sdk';
import { bundleEntry } from '../../scripts/build-functions';
import type { StaffRequestAnswer, SubmitRequestAnswer } from '../../shared/api/requests';
import { seedOrgan } from '../backend/harness';
import { deployedAgainstLocal } from './helpers/deployed';

const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(ROOT, 'dist/.test-bundles/sweep');
const local = deployedAgainstLocal();

it('a timer event closes a lapsed request through the bundled entry; the message waits with the send error noted', async () => {
  const b = local.backend();
  const o = await seedOrgan(b, '-timer');
  const at = (iso: string) => () => new Date(`${iso}T10:00:00+08:00`);
  const call = async <T>(openid: string, action: string, payload: unknown, iso: string) => {
    const r = await requestsFunction({ action, payload }, { db: b.db, openid, now: at(iso), log: () => undefined });
    if (!r.ok) throw new Error(`${action}: ${r.message}`);
    return r.data as T;
  };
  const submission = {
    applicantType: 'natural',
    name: '才让',
    idType: 'idCard',
    idNumber: '440304198001010017',
    phone: '13912345678',
    address: '扎毛乡德吉村十二号',
    description: '请公开2026年扎毛乡草原补奖发放名单',
    deliveryForm: 'online',
    channel: 'online',
  };
  const { id } = await call<SubmitRequestAnswer>(
    'oTimerCitizen',
    'submit',
    { organId: o.organId, submission, idempotencyKey: 'timer-tap-1' },
    '2026-09-01',
  );
  await call('oTimerCitizen', 'grantNotice', { requestId: id, templateId: 'tmpl-progress' }, '2026-09-01');
  await call('oTimerCitizen', 'grantNotice', { requestId: id, templateId: 'tmpl-progress' }, '2026-09-01');
  await call(o.editor, 'act', { id, version: 1, action: { type: 'confirmReceipt' } }, '2026-09-01');
  await call(
    o.editor,
    'act',
    { id, version: 2, action: { type: 'requestCorrection', items: '请写明村名', correctBy: '2026-09-15' } },
    '2026-09-02',
  );

  const file = path.join(OUT, 'index.js');
  await bundleEntry(path.join(ROOT, 'cloudfunctions/requests/index.ts'), file, 'external');
  const fn = require(file) as {
    main(event: unknown, context: unknown): Promise<{ ok: boolean; data: { closed: number } }>;
  };
  // The production entry logs to the function's console: the failed send, by id and code only.
  const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const answer = await fn.main({ Type: 'Timer', TriggerName: 'daily-sweep', Time: new Date().toISOString() }, {});
  expect(answer).toMatchObject({ ok: true, data: { closed: 1 } });
  // Two messages: the 补正 one queued earlier (no sender then), sent first, and the closing's own.
  const line = expect.stringMatching(/^subscribe message \w+ not sent: errcode -1$/) as unknown;
  expect(logged.mock.calls.map((c) => String(c[0]))).toEqual([line, line]);
  logged.mockRestore();

  const closed = await call<StaffRequestAnswer>(o.editor, 'get', { id }, '2026-11-27');
  expect(closed).toMatchObject({ status: 'closed', outcome: 'otherNoCorrection', answeredDate: '2026-09-16' });
  const notes = rows(await b.db.collection(COLLECTIONS.notifications).where({ requestId: id }).get());
  expect(notes.map((n) => [n.action, n.state, n.attempts])).toEqual(
    expect.arrayContaining([
      ['requestCorrection', 'pending', 1],
      ['close', 'pending', 1],
    ]),
  );
  expect(notes.find((n) => n.action === 'close')).toMatchObject({ lastError: { errcode: -1 } });
  expect(one(await b.db.collection(COLLECTIONS.requests).doc(id).get())?.status).toBe('closed');
}, 60_000);
