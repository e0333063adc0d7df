/**
 * Cloud function `items`: thin entry over backend/items. Its approvals remind staff by subscribe message (sent after
 * the commit through the cloud call; config.json declares `subscribeMessage.send`).
 */
import { itemsFunction } from '../../backend/items';
import { connectCurrentEnv, openidFromContext } from '../../backend/sdk';
import { cloudSubscribeSender, type SubscribeSender } from '../../backend/subscribe';

let subscribe: SubscribeSender | null = null;

export async function main(event: unknown, context: unknown) {
  subscribe ??= cloudSubscribeSender();
  return itemsFunction(event, { db: connectCurrentEnv(), openid: openidFromContext(context), subscribe });
}
