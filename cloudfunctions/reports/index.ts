/**
 * Cloud function `reports`: thin entry over backend/reports. Its approvals remind staff by subscribe message (sent after
 * the commit through the cloud call; config.json declares `subscribeMessage.send`).
 */
import { reportsFunction } from '../../backend/reports';
import { connectCurrentEnv, openidFromContext } from '../../backend/sdk';
import { cloudSubscribeSender, type SubscribeSender } from '../../backend/subscribe';

let subscribe: SubscribeSender | null = null;

export async function main(event: unknown, context: unknown) {
  subscribe ??= cloudSubscribeSender();
  return reportsFunction(event, { db: connectCurrentEnv(), openid: openidFromContext(context), subscribe });
}
