import { addStroke, localOrigin, openBoard, runCommand } from '@roundtable/shared';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** A wobbly hand-drawn stroke of `count` points starting at (x, y). */
function scribble(x: number, y: number, count: number, seed: number) {
  let heading = seed;
  return Array.from({ length: count }, (_, i) => {
    heading += Math.sin(seed * 7 + i / 3) * 0.4;
    x += Math.cos(heading) * 7;
    y += Math.sin(heading) * 7;
    return { x, y };
  });
}

/** Fills `boardId` on the server with `strokes` strokes spread over a 4K table, in batches. */
export async function seedBoard(
  serverUrl: string,
  boardId: string,
  strokes: number,
): Promise<void> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${serverUrl.replace(/^http/, 'ws')}/ws`, boardId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  await new Promise((resolve) => provider.once('sync', resolve));
  const board = openBoard(doc);
  const colors = ['#1f2a44', '#e03131', '#1971c2', '#2f9e44', '#f08c00'];
  for (let start = 0; start < strokes; start += 1_000) {
    doc.transact(() => {
      for (let i = start; i < Math.min(strokes, start + 1_000); i++) {
        runCommand(
          board,
          addStroke,
          {
            authorId: `seat-${i % 6}`,
            tool: 'pen',
            color: colors[i % colors.length]!,
            width: 4 + (i % 3) * 3,
            points: scribble(100 + ((i * 397) % 3600), 100 + ((i * 211) % 1900), 40, i),
          },
          localOrigin(`seat-${i % 6}`),
        );
      }
    });
  }
  // Wait until the server has everything: a second client sees the last stroke.
  const check = new Y.Doc();
  const reader = new WebsocketProvider(`${serverUrl.replace(/^http/, 'ws')}/ws`, boardId, check, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  await new Promise((resolve) => reader.once('sync', resolve));
  while (openBoard(check).elements.size < strokes) await new Promise((r) => setTimeout(r, 50));
  reader.destroy();
  provider.destroy();
  // The docs' awareness timers would otherwise keep the process alive.
  check.destroy();
  doc.destroy();
}
