import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openBoard, summariseBoard } from '@roundtable/shared';
import { createBoardPictures } from './assets/board-pictures';
import { Librarian } from './auth/librarian';
import { openLibrarianStore } from './auth/librarian-store';
import { openTableStore } from './auth/table-store';
import { Tables } from './auth/tables';
import { Trust } from './auth/trust';
import { BoardAdmin, onThisProcess } from './boards/board-admin';
import { BoardOps } from './boards/board-ops';
import { openBoardSummaries } from './boards/board-summaries';
import { openBoardTrash } from './boards/board-trash';
import { Cluster } from './cluster/cluster';
import { createOwnerCallsApi, onClusterOwner } from './cluster/owner-calls';
import { openPgAppStores } from './cluster/pg-app-stores';
import { PgLibrarianStore, pgTableStore } from './cluster/pg-auth-stores';
import { pgBoardSummaries, pgBoardTrash, startPgBoardRecords } from './cluster/pg-board-records';
import type { ServerConfig } from './config';
import { createAssetsApi } from './http/assets-api';
import { createBoardStateApi } from './http/board-state-api';
import { createBoardsApi } from './http/boards-api';
import { createExhibitsApi } from './http/exhibits-api';
import { createJoinApi } from './http/join-api';
import { createLibrarianApi } from './http/librarian-api';
import { STATE_CHANGING, sameOrigin } from './http/origin';
import { createRasterApi } from './http/raster-api';
import { sendError, sendJson } from './http/respond';
import { createRoutinesApi } from './http/routines-api';
import { createSettingsApi } from './http/settings-api';
import { createStaticApp } from './http/static-app';
import { createTablesApi } from './http/tables-api';
import { createTrashApi } from './http/trash-api';
import { lanAddresses } from './lan';
import { log } from './log';
import { Metrics } from './metrics';
import { BoardRasters } from './raster/board-rasters';
import { Rooms } from './rooms/rooms';
import { RoutineService } from './routines/routine-service';
import { openAppDb } from './storage/app-db';
import { openAppStores } from './storage/app-stores';
import { openBoardStore, openClusterStore } from './storage/open-storage';
import { StorageHealth } from './storage/storage-health';
import { createSyncEndpoint } from './ws/upgrade';

export interface RunningServer {
  readonly port: number;
  /** http://host:port with a host a browser on this machine can use. */
  readonly url: string;
  /** The one-time code PIN setup asks for, while no PIN is set (also printed on start). */
  readonly setupCode: string | null;
  /** Flushes every board, closes clients with 1012 and stops listening. */
  close(): Promise<void>;
}

export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const startedAt = Date.now();
  const metrics = new Metrics();
  // Refuses to start (StorageStartError) on a damaged database or a folder it cannot write.
  const health = new StorageHealth(metrics);
  // Cluster mode: boards in PostgreSQL, each owned by one process (see cluster/ownership.ts).
  const fenced = { rooms: null as Rooms | null };
  const cluster = config.cluster
    ? new Cluster(config.cluster, config.host, (reason) => fenced.rooms?.dropAll(reason))
    : null;
  if (cluster) await cluster.connect();
  const store = cluster
    ? openClusterStore(config, cluster.store, health)
    : openBoardStore(config, health);
  // Cluster mode keeps nothing of the library on this process's disk (every store below is
  // PostgreSQL's there), so its app database is an empty one in memory.
  const appDb = openAppDb(cluster || config.storage === 'memory' ? null : config.dataDir);
  // Cluster mode keeps the librarian and the tables in PostgreSQL, for every process.
  const clusterAuth = cluster
    ? new PgLibrarianStore(cluster.pool, (event) => cluster.tell(event))
    : null;
  await clusterAuth?.start();
  // So are exhibits, templates, group runs, images and settings: every process serves the same.
  const appData = cluster
    ? await openPgAppStores(cluster.pool)
    : openAppStores(appDb, config.dataDir);
  const librarian = new Librarian(clusterAuth ?? openLibrarianStore(appDb), {
    sharedScreenIdleMs: config.librarianIdleMs,
  });
  if (config.librarianPin) await librarian.usePinFromEnvironment(config.librarianPin);
  const tables = new Tables(cluster ? pgTableStore(cluster.pool) : openTableStore(appDb));
  await tables.load();
  if (cluster && clusterAuth) {
    tables.onChanged(() => cluster.tell({ type: 'tables' }));
    cluster.onEvent((event) => {
      if (event.type === 'tables') void tables.load();
      else {
        if (event.type === 'pin') librarian.forgetPin();
        void clusterAuth.heard(event);
      }
    });
  }
  const trust = new Trust(librarian, tables);
  if (cluster) await startPgBoardRecords(cluster.pool);
  const summaries = cluster ? pgBoardSummaries(cluster.pool) : openBoardSummaries(appDb);
  const trash = cluster ? pgBoardTrash(cluster.pool) : openBoardTrash(appDb);
  // Pictures of boards for first visits (GET /api/boards/<id>/raster), rendered off the loop.
  const rasters = new BoardRasters((boardId) => admin.openedState(boardId));
  const rooms = new Rooms(store, metrics, config.compaction, trust, {
    lingerMs: config.roomLingerMs,
    pencilGraces: { absenceMs: config.pencilAbsenceGraceMs, passMs: config.pencilPassGraceMs },
    unloaded: (boardId) => {
      if (!cluster) return;
      cluster.store.forget(boardId);
      void cluster.ownership.release(boardId);
    },
    // What devices changed reaches the librarian's list when the board is next compacted.
    compacted: (room) => {
      void summaries
        .put(room.boardId, summariseBoard(openBoard(room.doc)))
        .catch((error: Error) =>
          log('summary_failed', { board: room.boardId, message: error.message }),
        );
      // The board rested: pictures devices asked for are rendered again (off the loop).
      rasters.refresh(room.boardId, room.openedState());
    },
  });
  fenced.rooms = rooms;
  const handleLibrarian = createLibrarianApi(librarian, tables);
  const ops = new BoardOps(rooms, store, trash, summaries);
  const devicesHere = () =>
    new Map([...rooms.all].map((room) => [room.boardId, room.members.size]));
  const devicesTally = cluster?.tally('devices', devicesHere) ?? null;
  const admin = new BoardAdmin(
    store,
    summaries,
    trash,
    cluster ? onClusterOwner(ops, cluster) : onThisProcess(ops),
    async () => (devicesTally ? devicesTally.total() : devicesHere()),
  );
  const handleOwnerCall = cluster ? createOwnerCallsApi(ops, cluster) : null;
  const assets = appData.assets;
  const pictures = createBoardPictures(assets);
  const handleExhibits = createExhibitsApi(appData.exhibits, admin, librarian, pictures);
  const handleBoards = createBoardsApi(admin, librarian, pictures);
  const handleTrash = createTrashApi(admin, librarian);
  const handleBoardState = createBoardStateApi(admin);
  const handleRaster = createRasterApi(admin, rasters);
  const routines = new RoutineService(admin, appData.templates, appData.runs);
  const handleRoutines = createRoutinesApi(routines, admin, librarian);
  const sync = createSyncEndpoint(rooms, config.limits, metrics, trust, cluster);
  const handleTables = createTablesApi(tables, librarian, (id) => sync.closeTable(id));
  // The library's settings (its default language).
  const handleSettings = createSettingsApi(appData.settings, librarian);
  const serveApp = createStaticApp(config.appDir);
  // LAN addresses only reach this server when it listens on every interface.
  const listensOnLan = config.host === '0.0.0.0' || config.host === '::';
  const handleJoin = createJoinApi(store, () =>
    listensOnLan ? lanAddresses().map((address) => `http://${address}:${port}`) : [],
  );
  const handleAssets = createAssetsApi(assets, config.limits, metrics);

  metrics.gauge('roundtable_connections', 'Open WebSocket connections.', () => sync.connections);
  metrics.gauge('roundtable_boards_loaded', 'Boards in memory.', () => rooms.loaded);

  async function route(req: IncomingMessage, res: ServerResponse) {
    const { pathname } = new URL(req.url ?? '/', 'http://x');
    // Cluster mode: the librarian's session (if the cookie names one) from PostgreSQL.
    if (cluster && pathname.startsWith('/api/')) await librarian.prime(req.headers.cookie);
    if (pathname === '/healthz') {
      // Still 200 when storage fails: the server is up, and says what failed last.
      const services = cluster ? await cluster.health() : null;
      const reachable = !services || (services.postgres && services.redis);
      sendJson(res, 200, {
        status: reachable ? health.status : 'degraded',
        ...(services && cluster ? { cluster: { node: cluster.ownership.node, ...services } } : {}),
        uptimeSeconds: (Date.now() - startedAt) / 1000,
        boardsLoaded: rooms.loaded,
        connections: sync.connections,
        storage: health.report,
      });
      return;
    }
    if (pathname === '/metrics') {
      const body = metrics.render();
      res.writeHead(200, {
        'content-type': 'text/plain; version=0.0.4',
        'cache-control': 'no-store',
      });
      res.end(body);
      return;
    }
    if (pathname.startsWith('/api/') && STATE_CHANGING.has(req.method ?? '')) {
      if (!sameOrigin(req)) {
        metrics.refusals.inc(1, 'cross_origin');
        sendError(res, 403, { code: 'otherSite' });
        return;
      }
      // Only JSON bodies (images go to /api/assets as they are): a plain form from another
      // page cannot pose as one of our calls.
      const hasBody =
        Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'];
      const json = /^application\/json\b/i.test(req.headers['content-type'] ?? '');
      if (hasBody && !json && !pathname.startsWith('/api/assets')) {
        sendError(res, 415, { code: 'jsonOnly' });
        return;
      }
    }
    if (handleOwnerCall && (await handleOwnerCall(req, res, pathname))) return;
    if (handleJoin(req, res, pathname)) return;
    if (await handleBoardState(req, res, pathname)) return;
    if (await handleRaster(req, res, pathname)) return;
    if (await handleLibrarian(req, res, pathname)) return;
    if (await handleTables(req, res, pathname)) return;
    if (await handleSettings(req, res, pathname)) return;
    if (await handleExhibits(req, res, pathname)) return;
    if (await handleBoards(req, res, pathname)) return;
    if (await handleTrash(req, res, pathname)) return;
    if (await handleRoutines(req, res, pathname)) return;
    if (await handleAssets(req, res, pathname)) return;
    await serveApp(req, res);
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: Error) => {
      log('http_error', { url: req.url, message: error.message });
      if (!res.headersSent) sendError(res, 500, { code: 'internal' });
      else res.destroy();
    });
  });
  server.on('upgrade', sync.handleUpgrade);
  server.on('clientError', (_error, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  await cluster?.listening(port);
  log('listening', {
    port,
    host: config.host,
    dataDir: config.dataDir,
    storage: cluster ? 'postgresql' : config.storage,
    ...(cluster ? { node: cluster.ownership.node } : {}),
  });

  let closing: Promise<void> | null = null;
  return {
    port,
    url: `http://${host}:${port}`,
    get setupCode() {
      return librarian.setupCode;
    },
    close() {
      closing ??= (async () => {
        log('closing', { boards: rooms.loaded, connections: sync.connections });
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        await sync.closeAll();
        rooms.unloadAll();
        await cluster?.ownership.drain();
        await store.close();
        await cluster?.close();
        appDb.close();
        metrics.stop();
        server.closeAllConnections();
        await stopped;
      })();
      return closing;
    },
  };
}
