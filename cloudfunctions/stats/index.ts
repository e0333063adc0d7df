/** Cloud function `stats`: thin entry over backend/stats. */
import { statsFunction } from '../../backend/stats';
import { connectCurrentEnv, openidFromContext } from '../../backend/sdk';

export async function main(event: unknown, context: unknown) {
  return statsFunction(event, { db: connectCurrentEnv(), openid: openidFromContext(context) });
}
