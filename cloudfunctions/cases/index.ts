/** Cloud function `cases`: thin entry over backend/cases. */
import { casesFunction } from '../../backend/cases';
import { connectCurrentEnv, openidFromContext } from '../../backend/sdk';

export async function main(event: unknown, context: unknown) {
  return casesFunction(event, { db: connectCurrentEnv(), openid: openidFromContext(context) });
}
