/** Cloud function `organ`: thin entry over backend/organ.ts. */
import { organFunction } from '../../backend/organ';
import { connectCurrentEnv, openidFromContext } from '../../backend/sdk';

export async function main(event: unknown, context: unknown) {
  return organFunction(event, { db: connectCurrentEnv(), openid: openidFromContext(context) });
}
