/**
 * Production identity: the OPENID comes from the request context WeChat gives the function (read by the SDK's
 * getCloudbaseContext), never from the event. No context, or one without an OPENID, is a citizen.
 */
import '../server/helpers/env';
import { openidFromContext } from '../../backend/sdk';

const context = (env: Record<string, string> | string) => ({
  memory_limit_in_mb: 256,
  time_limit_in_ms: 3000,
  request_id: 'r',
  function_version: '$LATEST',
  function_name: 'items',
  namespace: 'env-1',
  ...(typeof env === 'string' ? { environ: env } : { environment: JSON.stringify(env) }),
});

it('reads WX_OPENID from the context (current and older platform formats)', () => {
  expect(openidFromContext(context({ WX_OPENID: 'oFromWeChat', WX_APPID: 'wx1' }))).toBe('oFromWeChat');
  expect(openidFromContext(context('WX_OPENID=oOlderFormat;WX_APPID=wx1'))).toBe('oOlderFormat');
});

it('answers null (a citizen) for a missing, empty or malformed context', () => {
  expect(openidFromContext(context({ WX_APPID: 'wx1' }))).toBeNull();
  expect(openidFromContext({})).toBeNull();
  expect(openidFromContext(undefined)).toBeNull();
  expect(openidFromContext('forged')).toBeNull();
  expect(openidFromContext({ ...context({}), environment: '{not json' })).toBeNull();
});
