import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { encodeStroke } from '@roundtable/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { ServerConfig } from './config';
import { muteLog } from './log';
import { startServer } from './server';

/** How long the throwaway server is driven before the real one starts. */
const WARM_UP_MS = 1_000;
const DEVICES = 4;

const syncMessage = (write: (encoder: encoding.Encoder) => void) => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  write(encoder);
  return encoding.toUint8Array(encoder);
};

/** A stroke's points as devices send them. */
const POINTS = encodeStroke(
  Array.from({ length: 30 }, (_, i) => ({ x: i * 6, y: Math.sin(i / 4) * 20, pressure: 0.5 })),
);

/**
 * Makes the first seconds after start as fast as later ones: before the real server
 * listens, a throwaway one (same process, so the same code: memory storage, a temporary
 * folder, its logs muted) relays a synthetic board between a few loopback devices for
 * about a second. V8 then has the socket, the relay's rules, Yjs's encoding and applying
 * compiled and optimised, instead of doing it while the class's first strokes wait.
 */
export async function warmUp(config: ServerConfig): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'roundtable-warm-up-'));
  muteLog(true);
  try {
    const server = await startServer({
      ...config,
      host: '127.0.0.1',
      port: 0,
      dataDir,
      storage: 'memory',
      cluster: null,
      librarianPin: null,
      appDir: join(dataDir, 'no-app'),
    });
    try {
      await drive(`ws://127.0.0.1:${server.port}/ws/warm-up`);
    } finally {
      await server.close();
    }
  } finally {
    muteLog(false);
    rmSync(dataDir, { recursive: true, force: true });
  }
  // Everything the throwaway server held is garbage now: collect it before the real one
  // listens, rather than in a pause while the class draws.
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

async function drive(url: string): Promise<void> {
  const devices = await Promise.all(
    Array.from({ length: DEVICES }, async (_, index) => {
      const ws = new WebSocket(url, { perMessageDeflate: false });
      const doc = new Y.Doc();
      ws.on('message', (data: Buffer) => {
        const decoder = decoding.createDecoder(new Uint8Array(data));
        if (decoding.readVarUint(decoder) !== 0) return;
        const reply = encoding.createEncoder();
        encoding.writeVarUint(reply, 0);
        syncProtocol.readSyncMessage(decoder, reply, doc, 'server');
        if (encoding.length(reply) > 1) ws.send(encoding.toUint8Array(reply));
      });
      await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
      ws.send(syncMessage((e) => syncProtocol.writeSyncStep1(e, doc)));
      return { ws, doc, index, seq: 0 };
    }),
  );
  const until = performance.now() + WARM_UP_MS;
  while (performance.now() < until) {
    for (const device of devices) {
      const before = Y.encodeStateVector(device.doc);
      const id = `w${device.index}x${device.seq++}`;
      device.doc.getMap('elements').set(id, {
        id,
        type: 'stroke',
        x: device.seq,
        y: device.index * 10,
        rotation: 0,
        z: 'a0',
        authorId: `warm-up-${device.index}`,
        createdAt: Date.now(),
        tool: 'pen',
        color: '#1f2a44',
        width: 4,
        points: POINTS,
      });
      const update = Y.encodeStateAsUpdate(device.doc, before);
      device.ws.send(syncMessage((e) => syncProtocol.writeUpdate(e, update)));
    }
    // Let the server relay what was sent (and the devices read it) before the next round.
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  for (const device of devices) device.ws.terminate();
}
