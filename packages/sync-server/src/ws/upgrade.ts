import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { DEVICE_KEY_PATTERN, deviceKeyHash } from '@roundtable/shared';
import { type WebSocket, WebSocketServer } from 'ws';
import type { Librarian } from '../auth/librarian';
import type { Limits } from '../config';
import { log } from '../log';
import type { Metrics } from '../metrics';
import type { Facilitation } from '../rooms/pencil-keeper';
import type { Room } from '../rooms/room';
import type { Rooms } from '../rooms/rooms';
import { Connection } from './connection';
import { CLOSE } from './messages';

const BOARD_PATH = /^\/ws\/([A-Za-z0-9_-]{1,64})$/;
const HEARTBEAT_MS = 30_000;
const NO_SUCH_BOARD = 'there is no board with this id; only the librarian starts new boards';

/** Answers an upgrade request with a plain HTTP error and a JSON body, before any WebSocket exists. */
function rejectUpgrade(socket: Duplex, status: number, text: string, error: string): void {
  const body = JSON.stringify({ error });
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * The WebSocket side of the server: checks the board id and the connection caps before the
 * upgrade, then hands each socket to a Connection in its board's room.
 */
export function createSyncEndpoint(
  rooms: Rooms,
  limits: Limits,
  metrics: Metrics,
  librarian: Librarian,
) {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: limits.maxMessageBytes,
    perMessageDeflate: false,
  });
  const perIp = new Map<string, number>();
  const alive = new WeakMap<WebSocket, boolean>();

  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    const { pathname, searchParams } = new URL(req.url ?? '/', 'http://x');
    const boardId = BOARD_PATH.exec(pathname)?.[1];
    const ip = req.socket.remoteAddress ?? 'unknown';
    if (!boardId) {
      metrics.refusals.inc(1, 'bad_board_id');
      rejectUpgrade(
        socket,
        400,
        'Bad Request',
        'connect to /ws/<boardId>; a board id is 1–64 of A–Z a–z 0–9 _ -',
      );
      return;
    }
    if ((perIp.get(ip) ?? 0) >= limits.maxConnectionsPerIp) {
      metrics.refusals.inc(1, 'too_many_per_ip');
      rejectUpgrade(socket, 429, 'Too Many Requests', 'too many connections from this device');
      return;
    }
    if (rooms.membersOf(boardId) >= limits.maxConnectionsPerBoard) {
      metrics.refusals.inc(1, 'board_full');
      rejectUpgrade(
        socket,
        503,
        'Service Unavailable',
        'this board has as many devices as it can take',
      );
      return;
    }
    // Who may run the class from this socket, decided once, from the cookie it came with.
    const facilitation: Facilitation = librarian.isSignedIn(req.headers.cookie)
      ? 'librarian'
      : librarian.pinSet()
        ? 'none'
        : 'table';
    // Once the library has a librarian, only the librarian starts new boards; a watcher (the
    // librarian's overview) never starts one, so a deleted board stays deleted.
    const mayCreate = facilitation !== 'none' && !searchParams.has('watch');
    if (!mayCreate && !rooms.exists(boardId)) {
      metrics.refusals.inc(1, 'no_such_board');
      rejectUpgrade(socket, 404, 'Not Found', NO_SUCH_BOARD);
      return;
    }
    // The device's secret key (never logged, never stored): only its hash is compared.
    const key = searchParams.get('device');
    const keyHash = key && DEVICE_KEY_PATTERN.test(key) ? deviceKeyHash(key) : null;
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws, boardId, ip, facilitation, keyHash));
  }

  function accept(
    ws: WebSocket,
    boardId: string,
    ip: string,
    facilitation: Facilitation,
    keyHash: string | null,
  ): void {
    perIp.set(ip, (perIp.get(ip) ?? 0) + 1);
    alive.set(ws, true);
    ws.on('pong', () => alive.set(ws, true));
    ws.on('error', (error) => log('socket_error', { board: boardId, ip, message: error.message }));
    let connection: Connection | null = null;
    let room: Room | null = null;
    ws.on('close', (code) => {
      const left = (perIp.get(ip) ?? 1) - 1;
      if (left > 0) perIp.set(ip, left);
      else perIp.delete(ip);
      if (connection && room) {
        connection.onClosed();
        rooms.leave(room, connection);
      }
      log('disconnect', { board: boardId, ip, connection: connection?.id, code });
    });
    try {
      room = rooms.open(boardId);
    } catch (error) {
      log('board_load_failed', { board: boardId, message: (error as Error).message });
      ws.close(CLOSE.internal, 'this board could not be opened; see the server log');
      return;
    }
    connection = new Connection(ws, room, limits, metrics, ip, facilitation, keyHash);
    room.members.add(connection);
    log('connect', { board: boardId, ip, connection: connection.id });
  }

  return {
    handleUpgrade,
    get connections() {
      return wss.clients.size;
    },
    /**
     * Closes every socket with 1012 ("service restart") so clients reconnect to the next
     * server; resolves when all are closed, cutting any that take longer than `graceMs`.
     */
    closeAll(graceMs = 2_000): Promise<void> {
      clearInterval(heartbeat);
      const closed = [...wss.clients].map(
        (ws) => new Promise<void>((resolve) => ws.once('close', () => resolve())),
      );
      for (const ws of wss.clients) ws.close(CLOSE.restart, 'server restarting');
      const cut = setTimeout(() => {
        for (const ws of wss.clients) ws.terminate();
      }, graceMs);
      return Promise.all(closed).then(() => {
        clearTimeout(cut);
        wss.close();
      });
    },
  };
}
