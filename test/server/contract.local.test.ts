/** The contract suite against the local server, through the real SDK. */
import './helpers/env';
import { defineContractSuite } from './contract';
import { type LocalServer, startLocal } from './helpers/local';

jest.setTimeout(30_000);

let local: LocalServer | undefined;

beforeAll(async () => {
  local = await startLocal();
});

afterAll(async () => {
  await local?.stop();
});

defineContractSuite(() => {
  if (!local) throw new Error('local server not started');
  return local.db;
}, 'ct_');
