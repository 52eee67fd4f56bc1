import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type ServerFixture, startServerProcess } from '../src/testing/server-process';
import { CLOSE } from '../src/ws/messages';
import { connectClient, connectRaw, drawStroke, eventually, type SyncClient } from './clients';

const dataDirs: string[] = [];
const servers: ServerFixture[] = [];
const clients: SyncClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const server of servers.splice(0)) await server.kill('SIGKILL');
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function serverOn(dataDir: string) {
  const server = await startServerProcess({}, dataDir, { requireApp: false });
  servers.push(server);
  return server;
}

async function client(server: ServerFixture, boardId = 'durable') {
  const c = await connectClient(server.url, boardId);
  clients.push(c);
  return c;
}

describe('the server as a process', () => {
  it.each([10, 60, 200])(
    'loses nothing any client received when killed with SIGKILL mid-stream (once %i strokes reached another device)',
    async (seen) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'roundtable-kill-'));
      dataDirs.push(dataDir);
      const first = await serverOn(dataDir);
      const writer = await client(first);
      const observer = await client(first);
      let n = 0;
      const drawing = setInterval(() => drawStroke(writer, 'seat-1', n++), 2);
      // Killed at a point in the stream, not in time: a busy machine changes nothing.
      await eventually(
        () => expect(observer.board.elements.size).toBeGreaterThanOrEqual(seen),
        30_000,
      );
      await first.kill('SIGKILL');
      clearInterval(drawing);
      const received = [...observer.board.elements.keys()];
      for (const c of clients.splice(0)) c.destroy();
      expect(received.length).toBeGreaterThanOrEqual(seen);

      const second = await serverOn(dataDir);
      const after = await client(second);
      const kept = new Set(after.board.elements.keys());
      expect(received.filter((id) => !kept.has(id))).toEqual([]);
    },
  );

  it('on SIGTERM closes clients with 1012, exits 0 and keeps the board', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'roundtable-term-'));
    dataDirs.push(dataDir);
    const first = await serverOn(dataDir);
    const writer = await client(first);
    const ids = Array.from({ length: 30 }, (_, i) => drawStroke(writer, 'seat-1', i));
    const observer = await client(first);
    await eventually(() => expect(observer.board.elements.size).toBe(30));
    const raw = await connectRaw(first.url, '/ws/durable');
    const exitCode = await first.kill('SIGTERM');
    expect((await raw.closed).code).toBe(CLOSE.restart);
    expect(exitCode).toBe(0);
    expect(first.output()).toContain('"event":"closing"');
    for (const c of clients.splice(0)) c.destroy();

    const second = await serverOn(dataDir);
    const after = await client(second);
    expect([...after.board.elements.keys()].sort()).toEqual([...ids].sort());
  });
});
