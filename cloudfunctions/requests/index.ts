/** Cloud function `requests`: thin entry over backend/requests. */
import { requestsFunction } from '../../backend/requests';
import { connectCurrentEnv, openidFromContext } from '../../backend/sdk';

export async function main(event: unknown, context: unknown) {
  return requestsFunction(event, { db: connectCurrentEnv(), openid: openidFromContext(context) });
}
