import {
  BOARD_STATE_HEADER,
  boardSnapshot,
  openBoard,
  sameState,
  stateVectorOfHeader,
} from '@roundtable/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, drawStroke, eventually } from './clients';
import { serverPerTest, startTestServer } from './helpers';

const live = serverPerTest();

describe('GET /api/boards/<id>/state', () => {
  it('answers the whole board as one Yjs update, the same board a socket syncs', async () => {
    live.server = await startTestServer();
    const writer = await live.client('class-4b');
    for (let i = 0; i < 12; i++) drawStroke(writer, 'seat-1', i * 40);
    const reader = await live.client('class-4b');
    await eventually(() => expect(reader.board.elements.size).toBe(12));

    const res = await fetch(`${live.server.url}/api/boards/class-4b/state`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(await res.arrayBuffer()));
    expect(boardSnapshot(openBoard(doc))).toEqual(boardSnapshot(reader.board));
    // Its header names the state it holds, before the body is read (a table compares its
    // picture with it); after one more stroke, the next download names the new state.
    const named = stateVectorOfHeader(res.headers.get(BOARD_STATE_HEADER));
    expect(sameState(named, Y.encodeStateVector(doc))).toBe(true);
    drawStroke(writer, 'seat-1', 999);
    await eventually(() => expect(reader.board.elements.size).toBe(13));
    const next = await fetch(`${live.server.url}/api/boards/class-4b/state`);
    const nextNamed = stateVectorOfHeader(next.headers.get(BOARD_STATE_HEADER));
    expect(sameState(nextNamed, Y.encodeStateVector(reader.board.doc))).toBe(true);
    expect(sameState(nextNamed, named)).toBe(false);
  });

  it('is the same after a restart, when the board is only on disk', async () => {
    live.server = await startTestServer();
    const writer = await connectClient(live.server.url, 'kept');
    for (let i = 0; i < 5; i++) drawStroke(writer, 'seat-1', i * 40);
    await eventually(async () => {
      const res = await fetch(`${live.server.url}/api/boards/kept/state`);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, new Uint8Array(await res.arrayBuffer()));
      expect(openBoard(doc).elements.size).toBe(5);
    });
    writer.destroy();
    live.server = await live.server.restart();
    const res = await fetch(`${live.server.url}/api/boards/kept/state`);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(await res.arrayBuffer()));
    expect(openBoard(doc).elements.size).toBe(5);
  });

  it('has nothing for a board that does not exist, never creates it, and answers bad requests with a JSON error', async () => {
    live.server = await startTestServer();
    const missing = await fetch(`${live.server.url}/api/boards/nobody-here/state`);
    expect(missing.status).toBe(204);
    expect((await missing.arrayBuffer()).byteLength).toBe(0);
    const join = (await (await fetch(`${live.server.url}/api/boards/nobody-here/join`)).json()) as {
      exists: boolean;
    };
    expect(join.exists).toBe(false);

    const bad = await fetch(`${live.server.url}/api/boards/not%20an%20id/state`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      error: expect.any(String),
      refusal: expect.objectContaining({ code: expect.any(String) }),
    });
    const post = await fetch(`${live.server.url}/api/boards/nobody-here/state`, { method: 'POST' });
    expect(post.status).toBe(405);
  });
});
