import type { Duplex } from 'node:stream';
import {
  CLOSE_CHANGE_REFUSED,
  classRequestSchema,
  encodeClassReply,
  encodeRefusal,
  isBoardControlRequest,
  MESSAGE_CLASS_REQUEST,
} from '@roundtable/shared';
import * as decoding from 'lib0/decoding';
import type { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type { Credentials } from '../auth/trust';
import type { Limits } from '../config';
import { TokenBucket } from '../limits/token-bucket';
import { log } from '../log';
import type { Metrics } from '../metrics';
import type { Room, RoomMember, RuleRefusal } from '../rooms/room';
import { checkAwarenessUpdate } from './awareness-check';
import {
  CLOSE,
  encodeAwarenessMessage,
  encodeSyncStep1,
  encodeSyncStep2Update,
  MESSAGE_AUTH,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
} from './messages';

let nextConnectionId = 1;

/** Why a message closed its connection: the close code and a reason short enough for a frame. */
class Refusal extends Error {
  constructor(
    readonly code: number,
    /** Label of the refusals metric. */
    readonly kind: 'malformed' | 'refused_update' | RuleRefusal | 'awareness' | 'rate_limited',
    readonly reason: string,
    /** For the log only. */
    readonly detail?: string,
  ) {
    super(reason);
  }
}

/**
 * The TCP socket under a `ws` WebSocket. `ws` has no public cork; its `_socket` has been
 * there since its first release, and without it we only lose the batching.
 */
function rawSocket(ws: WebSocket): Duplex | undefined {
  return (ws as unknown as { _socket?: Duplex })._socket;
}

/** WebSocket close reasons are limited to 123 bytes of UTF-8. */
function closeReason(reason: string): string {
  let short = reason;
  while (Buffer.byteLength(short) > 123) short = `${short.slice(0, -4)}…`;
  return short;
}

/**
 * One device's WebSocket on one board: speaks the y-websocket protocol, enforces the
 * per-connection limits, and closes only itself when a message is bad.
 */
export class Connection implements RoomMember {
  readonly id = nextConnectionId++;
  /** Set by this device's first awareness message: the presence it publishes (display only). */
  awarenessClientId: number | null = null;
  private readonly bucket: TokenBucket;
  private closed = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly room: Room,
    private readonly limits: Limits,
    private readonly metrics: Metrics,
    readonly ip: string,
    /** What the device proved at the upgrade: who it is and what it may do, for good. */
    readonly credentials: Credentials,
  ) {
    this.bucket = new TokenBucket(limits.ratePerSecond, limits.rateBurst);
    ws.on('message', (data, isBinary) => this.receive(data as Buffer, isBinary));
    // The room's document is complete before this first message goes out.
    this.send(encodeSyncStep1(room.doc));
    const others = [...room.awareness.getStates().keys()];
    if (others.length) this.send(encodeAwarenessMessage(room.awareness, others));
  }

  send(message: Uint8Array): void {
    if (this.mayBuffer()) this.write(message);
  }

  sendAll(messages: readonly Uint8Array[]): void {
    if (messages.length <= 1) {
      if (messages[0]) this.send(messages[0]);
      return;
    }
    // The device's backlog is judged once, before the batch: while corked, every frame of
    // the batch counts as unsent until the one write that carries them all.
    if (!this.mayBuffer()) return;
    const socket = rawSocket(this.ws);
    socket?.cork();
    try {
      for (const message of messages) this.write(message);
    } finally {
      socket?.uncork();
    }
  }

  /** Whether the socket is open and its device is reading; one that stopped is dropped. */
  private mayBuffer(): boolean {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return false;
    if (this.ws.bufferedAmount <= this.limits.maxBufferedBytes) return true;
    // It stopped reading; holding more for it would grow our memory without bound.
    this.metrics.refusals.inc(1, 'slow_consumer');
    log('refused', { connection: this.id, board: this.room.boardId, reason: 'slow consumer' });
    this.closed = true;
    this.ws.terminate();
    return false;
  }

  private write(message: Uint8Array): void {
    this.metrics.messagesOut.inc();
    this.metrics.bytesOut.inc(message.length);
    this.ws.send(message);
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    log('closed_by_server', { connection: this.id, board: this.room.boardId, code, reason });
    this.closed = true;
    this.ws.close(code, closeReason(reason));
  }

  /** Called once the socket closed, whoever closed it; frees this device's presence. */
  onClosed(): void {
    this.closed = true;
    if (this.awarenessClientId !== null) {
      awarenessProtocol.removeAwarenessStates(this.room.awareness, [this.awarenessClientId], this);
    }
  }

  private receive(data: Buffer, isBinary: boolean): void {
    if (this.closed) return;
    this.metrics.messagesIn.inc();
    this.metrics.bytesIn.inc(data.length);
    try {
      if (!isBinary)
        throw new Refusal(CLOSE.malformed, 'malformed', 'text frames are not part of the protocol');
      if (!this.bucket.take())
        throw new Refusal(CLOSE.rateLimited, 'rate_limited', 'rate limit exceeded');
      this.handle(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    } catch (error) {
      const refusal =
        error instanceof Refusal
          ? error
          : new Refusal(
              CLOSE.malformed,
              'malformed',
              `malformed message (${(error as Error).message})`,
            );
      this.refuse(refusal);
    }
  }

  private handle(message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE_SYNC:
        this.handleSync(decoder);
        return;
      case MESSAGE_AWARENESS:
        this.handleAwareness(decoding.readVarUint8Array(decoder));
        return;
      case MESSAGE_QUERY_AWARENESS: {
        const clients = [...this.room.awareness.getStates().keys()];
        this.send(encodeAwarenessMessage(this.room.awareness, clients));
        return;
      }
      case MESSAGE_AUTH:
        return; // the server sends these; a client's is ignored
      case MESSAGE_CLASS_REQUEST:
        this.handlePencil(decoding.readVarString(decoder));
        return;
      default:
        throw new Refusal(CLOSE.malformed, 'malformed', `unknown message type ${type}`);
    }
  }

  private handleSync(decoder: decoding.Decoder): void {
    const step = decoding.readVarUint(decoder);
    if (step === syncProtocol.messageYjsSyncStep1) {
      const stateVector = decoding.readVarUint8Array(decoder);
      const answer = () => this.send(encodeSyncStep2Update(this.room.missingFrom(stateVector)));
      // With PostgreSQL, accepted updates may still be on their way to COMMIT.
      const stored = this.room.whenStored();
      if (stored) {
        // Storing failed: the room closed this device already. Nothing may throw from here.
        stored
          .then(answer)
          .catch((error: Error) =>
            log('sync_answer_failed', { connection: this.id, message: error.message }),
          );
      } else answer();
      return;
    }
    if (step !== syncProtocol.messageYjsSyncStep2 && step !== syncProtocol.messageYjsUpdate) {
      throw new Refusal(CLOSE.malformed, 'malformed', `unknown sync step ${step}`);
    }
    const update = decoding.readVarUint8Array(decoder);
    // An update message with nothing after it is relayed as it came: no copy, no encoding.
    const relayAsIs =
      step === syncProtocol.messageYjsUpdate && decoder.pos === decoder.arr.length
        ? decoder.arr
        : undefined;
    const outcome = this.room.applyClientUpdate(update, this, relayAsIs);
    if (outcome.accepted) return;
    // The device's document now holds a change nobody else has: it must start afresh from
    // the board (our client does so on CLOSE_CHANGE_REFUSED), so the connection ends.
    const reason = encodeRefusal(outcome.reason);
    if (outcome.rule) throw new Refusal(CLOSE_CHANGE_REFUSED, outcome.rule, reason);
    throw new Refusal(CLOSE.refused, 'refused_update', reason, outcome.detail);
  }

  /** A request about the talking pencil; a refusal is told to this device only. */
  private handlePencil(json: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      throw new Refusal(CLOSE.malformed, 'malformed', 'pencil request is not JSON');
    }
    const request = classRequestSchema.safeParse(parsed);
    if (!request.success) {
      throw new Refusal(CLOSE.malformed, 'malformed', 'pencil request is not one we know');
    }
    const outcome =
      request.data.type === 'routine'
        ? this.room.routineAction(this, request.data.action)
        : isBoardControlRequest(request.data)
          ? this.room.boardControl(this, request.data)
          : this.room.pencil.request(this, request.data);
    if (!outcome.ok) {
      log('pencil_refused', {
        connection: this.id,
        board: this.room.boardId,
        reason: outcome.error.code,
      });
      this.send(encodeClassReply(outcome.error));
    }
  }

  private handleAwareness(update: Uint8Array): void {
    const verdict = checkAwarenessUpdate(
      update,
      this.room.awareness,
      this.awarenessClientId,
      this.limits.maxAwarenessBytes,
      (clientId) => this.room.mayTakeOverAwareness(this, clientId),
    );
    if (!verdict.ok) throw new Refusal(CLOSE.refused, 'awareness', verdict.reason);
    if (verdict.clientId !== null && verdict.clientId !== this.awarenessClientId) {
      this.room.handOverAwareness(this, verdict.clientId);
    }
    this.awarenessClientId = verdict.clientId;
    if (verdict.update)
      awarenessProtocol.applyAwarenessUpdate(this.room.awareness, verdict.update, this);
  }

  private refuse({ code, kind, reason, detail }: Refusal): void {
    this.metrics.refusals.inc(1, kind);
    log('refused', {
      connection: this.id,
      board: this.room.boardId,
      ip: this.ip,
      code,
      reason,
      ...(detail === undefined ? {} : { detail }),
    });
    this.closed = true;
    this.ws.close(code, closeReason(reason));
  }
}
