import type { IncomingMessage, ServerResponse } from 'node:http';
import { type HttpRefusal, httpErrorBody } from '@roundtable/shared';

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    'cache-control': 'no-store',
  });
  res.end(payload);
}

/**
 * Every HTTP error answers `{ error, refusal }`: the refusal as a code with parameters, which
 * the device words in its language, and the same in English for logs and API users.
 */
export function sendError(res: ServerResponse, status: number, refusal: HttpRefusal): void {
  sendJson(res, status, httpErrorBody(refusal));
}

/** 405: the request's method is not one this address takes. */
export function sendWrongMethod(
  res: ServerResponse,
  req: IncomingMessage,
  ...use: [string, ...string[]]
): void {
  res.setHeader('allow', use.join(', '));
  sendError(res, 405, { code: 'wrongMethod', method: req.method ?? '', use });
}

/** A URL part decoded, or null when it is not valid percent-encoding (never a throw). */
export function decodeURIComponentSafe(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}
