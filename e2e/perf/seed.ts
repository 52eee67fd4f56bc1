import { addStroke, type Board, localOrigin, openBoard, runCommand } from '@roundtable/shared';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** A wobbly hand-drawn stroke of `count` points starting at (x, y). */
export function scribble(x: number, y: number, count: number, seed: number) {
  let heading = seed;
  return Array.from({ length: count }, (_, i) => {
    heading += Math.sin(seed * 7 + i / 3) * 0.4;
    x += Math.cos(heading) * 7;
    y += Math.sin(heading) * 7;
    return { x, y };
  });
}

/**
 * Runs `write` on `boardId` as a device would (a y-websocket client in one transaction), and
 * returns once the server has it: a second client sees `done` become true.
 */
export async function writeBoard(
  serverUrl: string,
  boardId: string,
  write: (board: Board, origin: ReturnType<typeof localOrigin>) => void,
  done: (board: Board) => boolean,
): Promise<void> {
  const url = `${serverUrl.replace(/^http/, 'ws')}/ws`;
  const options = {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  };
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(url, boardId, doc, options);
  await new Promise((resolve) => provider.once('sync', resolve));
  const board = openBoard(doc);
  write(board, localOrigin('seed'));
  const check = new Y.Doc();
  const reader = new WebsocketProvider(url, boardId, check, options);
  await new Promise((resolve) => reader.once('sync', resolve));
  while (!done(openBoard(check))) await new Promise((r) => setTimeout(r, 50));
  reader.destroy();
  provider.destroy();
  // The docs' awareness timers would otherwise keep the process alive.
  check.destroy();
  doc.destroy();
}

/** Fills `boardId` on the server with `strokes` strokes spread over a 4K table, in batches. */
export async function seedBoard(
  serverUrl: string,
  boardId: string,
  strokes: number,
): Promise<void> {
  const colors = ['#1f2a44', '#e03131', '#1971c2', '#2f9e44', '#f08c00'];
  await writeBoard(
    serverUrl,
    boardId,
    (board) => {
      for (let start = 0; start < strokes; start += 1_000) {
        board.doc.transact(() => {
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
    },
    (board) => board.elements.size >= strokes,
  );
}
