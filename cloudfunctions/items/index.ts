/** Cloud function `items`: thin entry over backend/items. */
import { itemsFunction } from '../../backend/items';
import { connectCurrentEnv, openidFromContext } from '../../backend/sdk';

export async function main(event: unknown, context: unknown) {
  return itemsFunction(event, { db: connectCurrentEnv(), openid: openidFromContext(context) });
}
