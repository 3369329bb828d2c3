// Types for what examples/server-side/server.mjs exports to its end-to-end test.
import type { Server } from 'node:http';

export function createExampleServer(options: {
  databaseFile: string;
  sealingKey: string | Uint8Array;
  now?: () => number;
  issuer?: string;
}): Promise<Server>;
