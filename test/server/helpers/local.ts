/** Starts a local server on an ephemeral port with a fresh temp data dir, and an SDK handle on it. */
import './env';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type RunningServer, type ServerOptions, startServer } from '../../../server/app';
import { connectLocal, type Db } from './sdk';

export interface LocalServer {
  server: RunningServer;
  db: Db;
  dataDir: string;
  stop(): Promise<void>;
}

export function tempDir(prefix = 'gongkai-server-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function startLocal(options: Omit<ServerOptions, 'port' | 'dataDir'> = {}): Promise<LocalServer> {
  const dataDir = tempDir();
  const server = await startServer({ ...options, host: '127.0.0.1', port: 0, dataDir });
  return {
    server,
    db: connectLocal(server.url, server.adminKey),
    dataDir,
    stop: async () => {
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
