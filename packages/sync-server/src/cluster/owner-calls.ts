import type { IncomingMessage, ServerResponse } from 'node:http';
import { isBoardId } from '@roundtable/shared';
import * as Y from 'yjs';
import type { OnOwner } from '../boards/board-admin';
import { BOARD_OPS, type BoardOpName, type BoardOps } from '../boards/board-ops';
import { readJsonBody } from '../http/read-json';
import { sendError } from '../http/respond';
import type { Cluster } from './cluster';
import { FORWARDED_HEADER, forwardedFor } from './forward';

/** The route one process calls on a board's owner: never reachable without the cluster secret. */
export const OWNER_CALL_PATH = '/internal/board-ops';
/** How often a call may be passed on while a board's owner moves. */
const MAX_HOPS = 3;
/** Calls that only read: a board nobody owns is read from the database, not taken. */
const READS = new Set<BoardOpName>(['snapshot', 'devices', 'summarise', 'liveSummary']);

/** JSON with bytes (board snapshots) as base64. */
const encode = (value: unknown) =>
  JSON.stringify(value, (_key, v) =>
    v instanceof Uint8Array ? { $bytes: Buffer.from(v).toString('base64') } : v,
  );
const decode = (text: string): unknown =>
  JSON.parse(text, (_key, v) =>
    v && typeof v === 'object' && typeof v.$bytes === 'string'
      ? new Uint8Array(Buffer.from(v.$bytes, 'base64'))
      : v,
  );

/**
 * In a cluster, runs each board call on the board's owner: here if this process owns it, else
 * over HTTP at the owner's address. A board nobody owns is taken first for a change (its room
 * opens here, and is let go like any other when it lingers out); a read of such a board comes
 * straight from PostgreSQL.
 */
export function onClusterOwner(ops: BoardOps, cluster: Cluster, hops = 0): OnOwner {
  const local = (boardId: string, op: BoardOpName, args: unknown[]) =>
    (ops[op] as (id: string, ...rest: unknown[]) => Promise<never>)(boardId, ...args);
  return async (boardId, op, args) => {
    let route = await cluster.ownership.find(boardId);
    if (!route && READS.has(op)) {
      if (op === 'devices') return 0 as never;
      if (op === 'liveSummary') return null as never;
      if (op === 'summarise') return undefined as never; // its owner-to-be summarises it
      const stored = await cluster.store.read(boardId);
      return (stored.length === 0 ? null : Y.mergeUpdates(stored)) as never;
    }
    route ??= await cluster.ownership.route(boardId);
    if (route.kind === 'local') {
      const result = await local(boardId, op, args);
      // A deleted board is never unloaded (it may have had no room here): let it go now.
      if (op === 'delete' && result === 'deleted') await cluster.ownership.release(boardId);
      return result;
    }
    if (hops >= MAX_HOPS) throw new Error(`board ${boardId} keeps moving between processes`);
    const response = await fetch(`${route.url}${OWNER_CALL_PATH}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [FORWARDED_HEADER]: `${cluster.secret} internal`,
      },
      body: encode({ boardId, op, args, hops: hops + 1 }),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`the board's owner answered ${response.status}: ${text}`);
    return (decode(text) as { result: never }).result;
  };
}

/** `POST /internal/board-ops` on the owner: runs a call another process passed on. */
export function createOwnerCallsApi(ops: BoardOps, cluster: Cluster) {
  const byHops = new Map<number, OnOwner>();
  return async function handleOwnerCall(
    req: IncomingMessage,
    res: ServerResponse,
    pathname: string,
  ): Promise<boolean> {
    if (pathname !== OWNER_CALL_PATH) return false;
    if (forwardedFor(req, cluster.secret) === null) {
      sendError(res, 404, { code: 'notFound' });
      return true;
    }
    const body = (await readJsonBody(req, 64 * 1024 * 1024)) as {
      boardId?: unknown;
      op?: unknown;
      args?: unknown;
      hops?: unknown;
    } | null;
    const op = body?.op as BoardOpName;
    const hops = Number(body?.hops);
    if (
      !body ||
      typeof body.boardId !== 'string' ||
      !isBoardId(body.boardId) ||
      !BOARD_OPS.includes(op) ||
      !Array.isArray(body.args) ||
      !Number.isInteger(hops)
    ) {
      sendError(res, 400, { code: 'badRequest', send: '{boardId, op, args, hops}' });
      return true;
    }
    const onOwner = byHops.get(hops) ?? onClusterOwner(ops, cluster, hops);
    byHops.set(hops, onOwner);
    // Arguments are plain JSON (only results carry bytes).
    const result = await onOwner(body.boardId, op, body.args as never);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(encode({ result: result ?? null }));
    return true;
  };
}
