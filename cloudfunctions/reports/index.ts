/**
 * Cloud function `reports`: thin entry over backend/reports. Its approvals remind staff by subscribe message (sent after
 * the commit through the cloud call; config.json declares `subscribeMessage.send`); 导出 Word puts the .docx in the
 * environment's cloud storage and answers a temporary link.
 */
import { reportsFunction } from '../../backend/reports';
import { cloudFileStore, type FileStore } from '../../backend/files';
import { connectCurrentEnv, openidFromContext } from '../../backend/sdk';
import { cloudSubscribeSender, type SubscribeSender } from '../../backend/subscribe';

let subscribe: SubscribeSender | null = null;
let files: FileStore | null = null;

export async function main(event: unknown, context: unknown) {
  subscribe ??= cloudSubscribeSender();
  files ??= cloudFileStore();
  return reportsFunction(event, { db: connectCurrentEnv(), openid: openidFromContext(context), subscribe, files });
}
