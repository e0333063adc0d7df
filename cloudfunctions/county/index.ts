/**
 * Cloud function `county`: thin entry over backend/county. A return reminds the township's editors by subscribe
 * message (sent after the commit through the cloud call; config.json declares `subscribeMessage.send`).
 */
import { countyFunction } from '../../backend/county';
import { connectCurrentEnv, openidFromContext } from '../../backend/sdk';
import { cloudSubscribeSender, type SubscribeSender } from '../../backend/subscribe';

let subscribe: SubscribeSender | null = null;

export async function main(event: unknown, context: unknown) {
  subscribe ??= cloudSubscribeSender();
  return countyFunction(event, { db: connectCurrentEnv(), openid: openidFromContext(context), subscribe });
}
