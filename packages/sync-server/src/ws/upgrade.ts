import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import type { Credentials, Trust } from '../auth/trust';
import type { Cluster } from '../cluster/cluster';
import { forwardedFor, forwardUpgrade } from '../cluster/forward';
import type { Limits } from '../config';
import { sameOrigin } from '../http/origin';
import { log } from '../log';
import type { Metrics } from '../metrics';
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
  trust: Trust,
  /** In cluster mode: who owns each board, and how to reach it. */
  cluster: Cluster | null = null,
) {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: limits.maxMessageBytes,
    perMessageDeflate: false,
  });
  const perIp = new Map<string, number>();
  // A cluster limits an address's connections over every process, not each one.
  const addresses = cluster?.tally('addresses', () => perIp) ?? null;
  const alive = new WeakMap<WebSocket, boolean>();
  const tableOf = new WeakMap<WebSocket, string>();

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
    if (!cluster) {
      checkUpgrade(req, socket, head);
      return;
    }
    // The librarian's session lives in PostgreSQL: read it before deciding who this is.
    Promise.all([trust.prime(req), addresses?.elsewhere(addressOf(req)) ?? 0]).then(
      ([, elsewhere]) => checkUpgrade(req, socket, head, elsewhere),
      (error: Error) => {
        log('upgrade_failed', { message: error.message });
        rejectUpgrade(socket, 503, 'Service Unavailable', 'boards cannot be opened right now');
      },
    );
  }

  /** The device's address (a process of this cluster that forwarded it tells us its real one). */
  function addressOf(req: IncomingMessage): string {
    const forwarded = cluster ? forwardedFor(req, cluster.secret) : null;
    return forwarded ?? req.socket.remoteAddress ?? 'unknown';
  }

  /** `elsewhere`: the address's connections on the cluster's other processes. */
  function checkUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, elsewhere = 0): void {
    const { pathname, searchParams } = new URL(req.url ?? '/', 'http://x');
    const boardId = BOARD_PATH.exec(pathname)?.[1];
    const forwarded = cluster ? forwardedFor(req, cluster.secret) : null;
    const ip = addressOf(req);
    if (!sameOrigin(req)) {
      // Another site's page must not reach a board with the librarian's or the table's cookie.
      metrics.refusals.inc(1, 'cross_origin');
      rejectUpgrade(socket, 403, 'Forbidden', 'connections from another site are refused');
      return;
    }
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
    if ((perIp.get(ip) ?? 0) + elsewhere >= limits.maxConnectionsPerIp) {
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
    // Who this device is, decided once, from the credentials the server issued.
    const credentials = trust.credentialsOf(req, searchParams);
    // Once the library has a librarian, only the librarian starts new boards; a watcher (the
    // librarian's overview) never starts one, so a deleted board stays deleted.
    const mayCreate =
      (trust.unprotected() || trust.facilitates(credentials)) && !searchParams.has('watch');
    let known: boolean;
    try {
      known = mayCreate || rooms.exists(boardId);
    } catch (error) {
      // The disk could not say (damaged or failing; the storage health has it): stay up.
      log('upgrade_failed', { board: boardId, ip, message: (error as Error).message });
      metrics.refusals.inc(1, 'storage');
      rejectUpgrade(socket, 503, 'Service Unavailable', 'boards cannot be opened right now');
      return;
    }
    if (!known) {
      metrics.refusals.inc(1, 'no_such_board');
      rejectUpgrade(socket, 404, 'Not Found', NO_SUCH_BOARD);
      return;
    }
    const upgrade = () =>
      wss.handleUpgrade(req, socket, head, (ws) => accept(ws, boardId, ip, credentials));
    if (!cluster) {
      upgrade();
      return;
    }
    // One process owns each board: serve it here if this is the one, else hand it over.
    cluster.ownership.route(boardId).then(
      (route) => {
        if (route.kind === 'local') upgrade();
        else if (forwarded) {
          // Forwarded here, yet owned elsewhere (ownership just moved): the device retries.
          rejectUpgrade(socket, 503, 'Service Unavailable', 'this board is moving; try again');
        } else {
          forwardUpgrade(req, socket, head, route.url, cluster.secret, ip, (message) =>
            log('forward_failed', { board: boardId, ip, to: route.url, message }),
          );
        }
      },
      (error: Error) => {
        log('route_failed', { board: boardId, ip, message: error.message });
        rejectUpgrade(socket, 503, 'Service Unavailable', 'this board cannot be opened right now');
      },
    );
  }

  function accept(ws: WebSocket, boardId: string, ip: string, credentials: Credentials): void {
    perIp.set(ip, (perIp.get(ip) ?? 0) + 1);
    addresses?.changed();
    if (credentials.tableId) tableOf.set(ws, credentials.tableId);
    alive.set(ws, true);
    ws.on('pong', () => alive.set(ws, true));
    ws.on('error', (error) => log('socket_error', { board: boardId, ip, message: error.message }));
    let connection: Connection | null = null;
    let room: Room | null = null;
    ws.on('close', (code) => {
      const left = (perIp.get(ip) ?? 1) - 1;
      if (left > 0) perIp.set(ip, left);
      else perIp.delete(ip);
      addresses?.changed();
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
    connection = new Connection(ws, room, limits, metrics, ip, credentials);
    room.join(connection);
    log('connect', {
      board: boardId,
      ip,
      connection: connection.id,
      table: credentials.tableId,
      librarian: credentials.librarianSession !== null,
    });
  }

  return {
    handleUpgrade,
    /** Closes the sockets a revoked table opened: they reconnect as plain devices. */
    closeTable(tableId: string): void {
      for (const ws of wss.clients) {
        if (tableOf.get(ws) === tableId)
          ws.close(CLOSE.refused, 'this screen is no longer a table');
      }
    },
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
