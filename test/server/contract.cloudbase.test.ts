/**
 * The same contract suite against a real CloudBase environment — only when credentials are given:
 *   TCB_ENV=<env id> TCB_SECRET_ID=… TCB_SECRET_KEY=… [TCB_SERVICE_URL=…] npx jest test/server/contract.cloudbase
 * It creates collections named ct<time>_* (the SDK cannot drop them; delete them in the console).
 */
import './helpers/env';
import { type CloudBase, init } from '@cloudbase/node-sdk';
import { defineContractSuite } from './contract';

const env = process.env.TCB_ENV ?? '';
const secretId = process.env.TCB_SECRET_ID ?? '';
const secretKey = process.env.TCB_SECRET_KEY ?? '';
const haveCredentials = Boolean(env && secretId && secretKey);

jest.setTimeout(120_000);

let app: CloudBase | undefined;

(haveCredentials ? describe : describe.skip)('CloudBase contract (real environment)', () => {
  beforeAll(() => {
    // An explicit serviceUrl: with TENCENTCLOUD=true the SDK would otherwise pick the in-cloud endpoint.
    const serviceUrl = process.env.TCB_SERVICE_URL ?? `https://${env}.tcb-api.tencentcloudapi.com/admin`;
    app = init({ env, secretId, secretKey, serviceUrl });
  });

  defineContractSuite(
    () => {
      if (!app) throw new Error('CloudBase app not initialised');
      return app.database();
    },
    `ct${Date.now().toString(36)}_`,
  );
});
