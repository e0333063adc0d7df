/** Cloud function `reports`: thin entry over backend/reports. */
import { reportsFunction } from '../../backend/reports';
import { connectCurrentEnv, openidFromContext } from '../../backend/sdk';

export async function main(event: unknown, context: unknown) {
  return reportsFunction(event, { db: connectCurrentEnv(), openid: openidFromContext(context) });
}
