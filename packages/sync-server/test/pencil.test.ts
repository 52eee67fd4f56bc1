import {
  CLOSE_CHANGE_REFUSED,
  MESSAGE_CLASS_REQUEST,
  openBoard,
  type PencilState,
} from '@roundtable/shared';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { drawStroke, eventually, type SyncClient, syncRoundTrip, tableAndTablet } from './clients';
import { serverPerTest, startTestServer, type TestServerOptions } from './helpers';

const live = serverPerTest();

const pencil = (c: SyncClient) => c.board.control.get('pencil') as PencilState;
const strokes = (c: SyncClient) =>
  [...c.board.elements.values()].filter((e) => e.type === 'stroke');

/** A table with two seats and a tablet "mia", both connected to `boardId`, pencil mode on. */
async function classroom(boardId: string, options: TestServerOptions = {}) {
  live.server = await startTestServer(options);
  const { table, mia } = await tableAndTablet(live.server.url, boardId);
  live.clients.push(table.client, mia.client);
  table.ask({ type: 'setMode', mode: 'pencil' });
  await eventually(() =>
    expect(pencil(mia.client)).toMatchObject({ mode: 'pencil', holderId: 'seat-1' }),
  );
  return { table, mia };
}

describe('the talking pencil on the server', () => {
  it('refuses a stroke from a tablet without the pencil: never stored, never relayed', async () => {
    const { table, mia } = await classroom('pencil-refuse');
    drawStroke(mia.client, 'mia');
    expect(await mia.closed).toBe(CLOSE_CHANGE_REFUSED);
    // The table never sees it, and neither does a device that joins later or after a restart.
    await syncRoundTrip(table.client);
    expect(strokes(table.client)).toHaveLength(0);
    live.server = await live.server.restart();
    const late = await live.client('pencil-refuse');
    expect(strokes(late)).toHaveLength(0);
    expect(pencil(late)).toMatchObject({ mode: 'pencil' });
  });

  it('lets the holder draw, and refuses a client that writes the pencil state itself', async () => {
    const { table, mia } = await classroom('pencil-holder');
    drawStroke(table.client, 'seat-1');
    await eventually(() => expect(strokes(mia.client)).toHaveLength(1));
    // A modified tablet hands itself the pencil by writing the control map.
    mia.client.board.control.set('pencil', { ...pencil(mia.client), holderId: 'mia' });
    expect(await mia.closed).toBe(1008);
    await syncRoundTrip(table.client);
    expect(pencil(table.client).holderId).toBe('seat-1');
  });

  it('passes the pencil to the tablet, which may then draw while the table may not', async () => {
    // No grace after a pass: the table is refused as soon as the pencil has left it.
    const { table, mia } = await classroom('pencil-pass', { pencilPassGraceMs: 0 });
    // Mia asks for something only the librarian may do: told why, not disconnected.
    mia.ask({ type: 'setMode', mode: 'open' });
    await eventually(() => expect(mia.replies.join()).toMatch(/"code":"librarian/));
    table.ask({ type: 'pass', from: 'seat-1', to: 'mia' });
    await eventually(() => expect(pencil(mia.client).holderId).toBe('mia'));
    drawStroke(mia.client, 'mia');
    await eventually(() => expect(strokes(table.client)).toHaveLength(1));
    drawStroke(table.client, 'seat-2', 300);
    expect(await table.closed).toBe(CLOSE_CHANGE_REFUSED);
    await syncRoundTrip(mia.client);
    expect(strokes(mia.client)).toHaveLength(1);
  });

  it('accepts a stroke finished just as the pencil passed (the grace window)', async () => {
    // A grace longer than any test takes, so a slow machine cannot close it early.
    const { table, mia } = await classroom('pencil-grace', { pencilPassGraceMs: 60_000 });
    table.ask({ type: 'pass', from: 'seat-1' });
    await eventually(() => expect(pencil(table.client).holderId).toBe('seat-2'));
    table.ask({ type: 'pass', from: 'seat-2', to: 'mia' });
    await eventually(() => expect(pencil(table.client).holderId).toBe('mia'));
    drawStroke(table.client, 'seat-2'); // within the grace window of seat-2's turn
    await eventually(() => expect(strokes(mia.client)).toHaveLength(1));
  });

  it('passes the pencil on when its holder stays away longer than the grace', async () => {
    const { table, mia } = await classroom('pencil-leave', { pencilAbsenceGraceMs: 300 });
    table.ask({ type: 'give', to: 'mia' });
    await eventually(() => expect(pencil(table.client).holderId).toBe('mia'));
    mia.client.destroy();
    await eventually(() => expect(pencil(table.client).holderId).toBe('seat-1'));
  });

  it('closes a malformed pencil request with 1007 and keeps the board', async () => {
    const { table, mia } = await classroom('pencil-malformed');
    const ws = mia.client.provider.ws as unknown as WebSocket;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_CLASS_REQUEST);
    encoding.writeVarString(encoder, '{"type":"pass","from":"../../etc"}');
    ws.send(encoding.toUint8Array(encoder));
    expect(await mia.closed).toBe(1007);
    drawStroke(table.client, 'seat-1');
    const check = await live.client('pencil-malformed');
    await eventually(() => expect(strokes(check)).toHaveLength(1));
    expect(openBoard(check.doc).control.get('pencil')).toMatchObject({ holderId: 'seat-1' });
  });
});
