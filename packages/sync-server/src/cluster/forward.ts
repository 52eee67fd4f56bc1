import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import type { Duplex } from 'node:stream';

/** How long the owner may take to answer a forwarded upgrade. */
const ANSWER_TIMEOUT_MS = 4_000;

/** Marks an upgrade one process forwarded to another (with the device's own address). */
export const FORWARDED_HEADER = 'x-roundtable-forwarded';

/**
 * The secret that proves a forwarded upgrade comes from a process of this cluster (so its
 * device address may be believed): derived from the database URL all of them share.
 */
export function clusterSecret(databaseUrl: string): string {
  return createHmac('sha256', databaseUrl).update('roundtable peer').digest('hex');
}

/** The device's address a process of this cluster forwarded, or null if this is no such upgrade. */
export function forwardedFor(req: IncomingMessage, secret: string): string | null {
  const header = req.headers[FORWARDED_HEADER];
  if (typeof header !== 'string') return null;
  const [proof, address] = header.split(' ');
  if (!proof || !address) return null;
  const a = Buffer.from(proof);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b) ? address : null;
}

/**
 * Hands a device's upgrade to the board's owner: the same request (its cookies and device
 * key, so the owner decides who the device is, as on one process), then bytes both ways.
 * The owner sees the device's address in the forwarded header.
 */
export function forwardUpgrade(
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  ownerUrl: string,
  secret: string,
  deviceAddress: string,
  onError: (message: string) => void,
): void {
  const { hostname, port } = new URL(ownerUrl);
  const upstream = connect(Number(port), hostname);
  const fail = (error: Error) => {
    onError(error.message);
    upstream.destroy();
    socket.destroy();
  };
  upstream.once('error', fail);
  socket.once('error', () => upstream.destroy());
  // A paused owner still accepts the connection (the kernel does) but never answers; the
  // device retries, and by then the owner's heartbeat has lapsed and another takes over.
  upstream.setTimeout(ANSWER_TIMEOUT_MS, () => fail(new Error('the owner did not answer')));
  upstream.once('data', () => upstream.setTimeout(0));
  upstream.once('connect', () => {
    const lines = [`${req.method} ${req.url} HTTP/1.1`];
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      const name = req.rawHeaders[i]!;
      if (name.toLowerCase() === FORWARDED_HEADER) continue;
      lines.push(`${name}: ${req.rawHeaders[i + 1]}`);
    }
    lines.push(`${FORWARDED_HEADER}: ${secret} ${deviceAddress}`);
    upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
    if (head.length) upstream.write(head);
    upstream.pipe(socket);
    socket.pipe(upstream);
  });
  upstream.once('close', () => socket.destroy());
  socket.once('close', () => upstream.destroy());
}
