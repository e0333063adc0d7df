/**
 * Cloud function `requests`: thin entry over backend/requests. Called from the mini program with the usual
 * envelope, and once a day by its timer trigger (config.json) for the sweep: lapsed requests closed, queued
 * subscribe messages sent. A timer event carries no OPENID and no envelope, so no client can start a sweep.
 */
import { requestsFunction, sweepRequests } from '../../backend/requests';
import { connectCurrentEnv, openidFromContext } from '../../backend/sdk';
import { cloudSubscribeSender, type SubscribeSender } from '../../backend/subscribe';

let subscribe: SubscribeSender | null = null;

/** CloudBase timer triggers call with { Type: 'Timer', TriggerName, Time }. */
function isTimer(event: unknown): boolean {
  return typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer';
}

export async function main(event: unknown, context: unknown) {
  subscribe ??= cloudSubscribeSender();
  const db = connectCurrentEnv();
  if (isTimer(event)) {
    const log = (line: string) => console.error(line);
    return { ok: true, data: await sweepRequests(db, { subscribe, log }, new Date()) };
  }
  return requestsFunction(event, { db, openid: openidFromContext(context), subscribe });
}
