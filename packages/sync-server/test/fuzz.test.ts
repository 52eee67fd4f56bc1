import { encodeStroke, MESSAGE_CLASS_REQUEST } from '@roundtable/shared';
import { testSeeds } from '@roundtable/shared/testing';
import * as encoding from 'lib0/encoding';
import * as prng from 'lib0/prng';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  awarenessMessage,
  connectClient,
  connectRaw,
  drawStroke,
  eventually,
  type RawClient,
  type SyncClient,
  updateFrom,
  updateMessage,
} from './clients';
import { startTestServer, type TestServer } from './helpers';

// A new seed every run (printed); FUZZ_SEED=<seed> repeats one.
const [SEED] = testSeeds('FUZZ_SEED') as [number];
const MESSAGES = 3_000;

let server: TestServer;
const honest: SyncClient[] = [];

beforeAll(async () => {
  server = await startTestServer({ limits: { ratePerSecond: 5_000, rateBurst: 5_000 } });
});
afterAll(async () => {
  for (const c of honest) c.destroy();
  await server.dispose();
});

function stroke(id: string) {
  return {
    id,
    type: 'stroke',
    x: 1,
    y: 2,
    rotation: 0,
    z: 'a0',
    authorId: 'fuzz',
    createdAt: 1,
    tool: 'pen',
    color: '#123456',
    width: 3,
    points: encodeStroke([
      { x: 0, y: 0 },
      { x: 4, y: 4 },
    ]),
  };
}

/** Well-formed messages, valid and invalid for the model, that the mutators start from. */
function corpus(random: prng.PRNG): Uint8Array[] {
  const id = () => `f${prng.uint32(random, 0, 1e9)}`;
  return [
    new Uint8Array([0, 0, 1, 0]),
    new Uint8Array([3]),
    updateMessage(updateFrom(null, (d) => d.getMap('elements').set('x', stroke('x')))),
    updateMessage(
      updateFrom(null, (d) => {
        const k = id();
        d.getMap('elements').set(k, stroke(k));
      }),
    ),
    updateMessage(
      updateFrom(null, (d) => d.getMap('elements').set('bad', { ...stroke('bad'), width: -1 })),
    ),
    updateMessage(updateFrom(null, (d) => d.getMap('control').set('lock', { locked: true }))),
    updateMessage(updateFrom(null, (d) => d.getText('t').insert(0, 'hello'))),
    updateMessage(updateFrom(null, (d) => d.getMap('elements').set('n', new Y.Map()))),
    awarenessMessage(prng.uint32(random, 1, 1e9), { user: { name: 'fuzz' } }),
    awarenessMessage(prng.uint32(random, 1, 1e9), { user: { kind: 'tablet', id: id() } }),
    // Dots, tablets and class requests: the routine and identity rules' paths.
    updateMessage(
      updateFrom(null, (d) => d.getMap('votes').set('v', { voterId: 'v', noteIds: ['x'] })),
    ),
    updateMessage(
      updateFrom(null, (d) => {
        const k = id();
        d.getMap('participants').set(k, {
          id: k,
          kind: 'tablet',
          name: 'Fuzz',
          color: '#123456',
          joinedAt: 1,
          keyHash: '',
        });
        d.getMap('votes').set(k, { voterId: k, noteIds: ['x', 'y', 'z', 'w'] });
      }),
    ),
    classRequest({ type: 'routine', action: 'next' }),
    classRequest({ type: 'routine', action: 'start' }),
    classRequest({ type: 'clear' }),
  ];
}

function classRequest(request: unknown): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_CLASS_REQUEST);
  encoding.writeVarString(encoder, JSON.stringify(request));
  return encoding.toUint8Array(encoder);
}

/** One message: a corpus entry, mutated in one of several ways, or plain noise. */
function nextMessage(random: prng.PRNG): Uint8Array {
  const base = prng.oneOf(random, corpus(random));
  const bytes = Array.from(base);
  switch (prng.int32(random, 0, 7)) {
    case 0: // flip bytes
      for (let i = prng.int32(random, 1, 4); i > 0; i--) {
        const at = prng.int32(random, 0, bytes.length - 1);
        bytes[at] = prng.uint32(random, 0, 255);
      }
      break;
    case 1: // truncate
      bytes.length = prng.int32(random, 0, bytes.length - 1);
      break;
    case 2: // insert noise
      bytes.splice(
        prng.int32(random, 0, bytes.length),
        0,
        ...prng.uint8Array(random, prng.int32(random, 1, 16)),
      );
      break;
    case 3: // a huge varint where a length or count was
      bytes.splice(prng.int32(random, 1, bytes.length), 0, 0xff, 0xff, 0xff, 0xff, 0x0f);
      break;
    case 4: // pure noise
      return prng.uint8Array(random, prng.int32(random, 0, 512));
    case 5: // a message repeated back to back
      return new Uint8Array([...bytes, ...bytes]);
    default: // unchanged
      break;
  }
  return new Uint8Array(bytes);
}

/** Waits until the server has handled everything sent so far (pong), or has closed us. */
async function settled(raw: RawClient): Promise<void> {
  if (raw.ws.readyState !== raw.ws.OPEN) return;
  await new Promise<void>((resolve) => {
    const done = () => resolve();
    raw.ws.once('pong', done);
    raw.ws.once('close', done);
    raw.ws.ping();
  });
}

describe('fuzzing the protocol', () => {
  it(`survives ${MESSAGES} random and mutated messages; honest clients keep syncing (seed ${SEED})`, async () => {
    const random = prng.create(SEED);
    honest.push(
      await connectClient(server.url, 'fuzzed'),
      await connectClient(server.url, 'fuzzed'),
      await connectClient(server.url, 'calm'),
      await connectClient(server.url, 'calm'),
    );
    const [fuzzedA, fuzzedB, calmA, calmB] = honest as [
      SyncClient,
      SyncClient,
      SyncClient,
      SyncClient,
    ];
    let raw: RawClient | null = null;
    let closes = 0;
    const drawn: string[] = [];

    for (let i = 0; i < MESSAGES; i++) {
      if (!raw || raw.ws.readyState !== raw.ws.OPEN) {
        if (raw) closes++;
        raw = await connectRaw(server.url, prng.bool(random) ? '/ws/fuzzed' : `/ws/other-${i % 5}`);
      }
      raw.send(nextMessage(random));
      await settled(raw);

      if (i % 250 === 0) {
        const health = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(2_000) });
        expect(health.status).toBe(200);
        const onFuzzed = drawStroke(fuzzedA, 'seat-1', i);
        const onCalm = drawStroke(calmA, 'seat-1', i);
        drawn.push(onFuzzed);
        await eventually(() => {
          expect(fuzzedB.board.elements.has(onFuzzed)).toBe(true);
          expect(calmB.board.elements.has(onCalm)).toBe(true);
        });
      }
    }
    raw?.ws.close();
    expect(closes).toBeGreaterThan(MESSAGES / 10);
    // Both the decoder and the model's checks were exercised, not just one of them.
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    for (const reason of ['malformed', 'refused_update']) {
      expect(metrics).toMatch(
        new RegExp(`roundtable_refusals_total\\{reason="${reason}"\\} [1-9]`),
      );
    }

    // Every board still loads after a restart, with the honest strokes in it.
    for (const c of honest.splice(0)) c.destroy();
    server = await server.restart();
    for (const boardId of [
      'fuzzed',
      'calm',
      'other-0',
      'other-1',
      'other-2',
      'other-3',
      'other-4',
    ]) {
      const c = await connectClient(server.url, boardId);
      honest.push(c);
      if (boardId === 'fuzzed') for (const id of drawn) expect(c.board.elements.has(id)).toBe(true);
    }
  }, 240_000);
});
