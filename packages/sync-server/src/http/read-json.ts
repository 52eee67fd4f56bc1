import type { IncomingMessage } from 'node:http';

/** Past this many times the limit a body is not drained any more: the request is dropped. */
const DRAIN_FACTOR = 64;

/**
 * A small JSON object from a request body; null if it is too big, not JSON, or not an object.
 * A body over the limit is read to its end without being kept, so the caller's 4xx answer
 * reaches the client instead of a reset connection.
 */
export function readJsonBody(
  req: IncomingMessage,
  maxBytes: number,
): Promise<Record<string, unknown> | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else if (size > maxBytes * DRAIN_FACTOR) req.destroy();
    });
    req.on('error', () => resolve(null));
    req.on('close', () => resolve(null));
    req.on('end', () => {
      if (size > maxBytes) return resolve(null);
      try {
        const value = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
        resolve(
          typeof value === 'object' && value !== null && !Array.isArray(value)
            ? (value as Record<string, unknown>)
            : null,
        );
      } catch {
        resolve(null);
      }
    });
  });
}
