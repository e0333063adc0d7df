/** Cloud function `stats`: thin entry over backend/records. */
import { statsFunction } from '../../backend/records';
import { connectCurrentEnv, openidFromContext } from '../../backend/sdk';

export async function main(event: unknown, context: unknown) {
  return statsFunction(event, { db: connectCurrentEnv(), openid: openidFromContext(context) });
}
