import { type Board, openBoard, type PencilState, parsePencil } from '@roundtable/shared';
import * as Y from 'yjs';

/** The board as the server has stored it (`GET /api/boards/<id>/state`), read with the shared model. */
export async function serverBoard(serverUrl: string, boardId: string): Promise<Board> {
  const response = await fetch(`${serverUrl}/api/boards/${boardId}/state`);
  if (!response.ok) throw new Error(`GET state failed: HTTP ${response.status}`);
  const doc = new Y.Doc();
  if (response.status !== 204) Y.applyUpdate(doc, new Uint8Array(await response.arrayBuffer()));
  return openBoard(doc);
}

/** Who wrote each stroke the server holds, sorted. */
export async function serverStrokeAuthors(serverUrl: string, boardId: string): Promise<string[]> {
  const board = await serverBoard(serverUrl, boardId);
  return [...board.elements.values()]
    .filter((e) => e.type === 'stroke')
    .map((e) => e.authorId)
    .sort();
}

/** The talking pencil as the server last stored it. */
export async function serverPencil(serverUrl: string, boardId: string): Promise<PencilState> {
  return parsePencil((await serverBoard(serverUrl, boardId)).control.get('pencil'));
}

/** How many sockets the server holds open right now (`GET /healthz`). */
export async function serverConnections(serverUrl: string): Promise<number> {
  const health = (await (await fetch(`${serverUrl}/healthz`)).json()) as { connections: number };
  return health.connections;
}
