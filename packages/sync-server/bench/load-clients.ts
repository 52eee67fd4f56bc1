import { encodeStroke } from '@roundtable/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { percentile } from './stats';

/**
 * A separate process full of clients. Each speaks the y-websocket protocol with a plain
 * socket, sends small stroke records at a fixed rate, and timestamps every update it gets
 * from the others: fan-out latency is receive time minus send time, on one clock.
 * Usage: load-clients <wsBase> <boards> <clientsPerBoard> <updatesPerSecond> <warmupMs> <measureMs>
 * `wsBase` may list several servers, comma-separated (a cluster): clients take them in turn.
 */
const [wsBase, boards, perBoard, rate, warmupMs, measureMs] = [
  process.argv[2]!,
  ...process.argv.slice(3, 8).map(Number),
] as [string, number, number, number, number, number];

const POINTS = encodeStroke(
  Array.from({ length: 30 }, (_, i) => ({ x: i * 6, y: Math.sin(i / 4) * 20, pressure: 0.5 })),
);
const MARK = /m(\d+)x(\d+)e/;

interface Client {
  index: number;
  ws: WebSocket;
  doc: Y.Doc;
  seq: number;
}

const sentAt = new Map<string, number>();
const latencies: number[] = [];
let measuring = false;
let received = 0;
let sent = 0;

function syncMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function onMessage(client: Client, data: Buffer) {
  const now = performance.now();
  const decoder = decoding.createDecoder(
    new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
  );
  if (decoding.readVarUint(decoder) !== 0) return; // awareness: not measured
  const step = decoding.readVarUint(decoder);
  if (step === syncProtocol.messageYjsSyncStep1) {
    // Answer the handshake so every server treats us as a synced client.
    const stateVector = decoding.readVarUint8Array(decoder);
    client.ws.send(syncMessage((e) => syncProtocol.writeSyncStep2(e, client.doc, stateVector)));
    return;
  }
  // The record key carries sender and sequence; find it without applying the update.
  const match = MARK.exec(data.toString('latin1'));
  if (!match || Number(match[1]) === client.index) return;
  const started = sentAt.get(`${match[1]}x${match[2]}`);
  if (started === undefined || !measuring) return;
  received++;
  latencies.push(now - started);
}

function send(client: Client) {
  const key = `m${client.index}x${client.seq++}e`;
  const before = Y.encodeStateVector(client.doc);
  client.doc.getMap('elements').set(key, {
    id: key,
    type: 'stroke',
    x: client.seq,
    y: client.index * 10,
    rotation: 0,
    z: 'a0',
    authorId: `c${client.index}`,
    createdAt: Date.now(),
    tool: 'pen',
    color: '#1f2a44',
    width: 4,
    points: POINTS,
  });
  const update = Y.encodeStateAsUpdate(client.doc, before);
  sentAt.set(key.slice(1, -1), performance.now());
  client.ws.send(syncMessage((e) => syncProtocol.writeUpdate(e, update)));
  if (measuring) sent++;
}

async function connect(index: number, board: number): Promise<Client> {
  const bases = wsBase.split(',');
  const base = bases[index % bases.length]!;
  const ws = new WebSocket(`${base}/board-${board}`, { perMessageDeflate: false });
  const client: Client = { index, ws, doc: new Y.Doc(), seq: 0 };
  ws.on('message', (data: Buffer) => onMessage(client, data));
  ws.on('error', (error) => {
    console.error(`client ${index}: ${error.message}`);
    process.exit(1);
  });
  await new Promise((resolve) => ws.once('open', resolve));
  ws.send(syncMessage((e) => syncProtocol.writeSyncStep1(e, client.doc)));
  return client;
}

const clients: Client[] = [];
for (let board = 0; board < boards; board++) {
  for (let i = 0; i < perBoard; i++) clients.push(await connect(clients.length, board));
}

// One ticker keeps every client on its schedule; staggered starts avoid lock-step bursts.
const period = 1000 / rate;
const start = performance.now();
const next = clients.map((_, i) => start + (period * i) / clients.length);
const ticker = setInterval(() => {
  const now = performance.now();
  clients.forEach((client, i) => {
    while (next[i]! <= now) {
      send(client);
      next[i]! += period;
    }
  });
}, 1);

setTimeout(() => {
  measuring = true;
}, warmupMs);
setTimeout(() => {
  measuring = false;
  clearInterval(ticker);
  latencies.sort((a, b) => a - b);
  const result = {
    sent,
    received,
    expected: sent * (perBoard - 1),
    seconds: measureMs / 1000,
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? Number.NaN,
    // Every sample (µs), so the parent can pool rounds: one round's p99 is a few stalls.
    samplesMicros: latencies.map((ms) => Math.round(ms * 1000)),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  for (const client of clients) client.ws.terminate();
  process.exit(0);
}, warmupMs + measureMs);
