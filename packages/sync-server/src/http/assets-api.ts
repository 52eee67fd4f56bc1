import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { HttpRefusal } from '@roundtable/shared';
import { ASSET_ID, type AssetStore } from '../assets/asset-store';
import { sniffImageType } from '../assets/image-type';
import type { Limits } from '../config';
import { TokenBucket } from '../limits/token-bucket';
import { log } from '../log';
import type { Metrics } from '../metrics';
import { sendError, sendJson, sendWrongMethod } from './respond';

const UPLOAD_PATH = '/api/assets';
const ASSET_PATH = /^\/api\/assets\/([^/]+)$/;
const MiB = 1024 * 1024;

class UploadError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    readonly refusal: HttpRefusal,
  ) {
    super(refusal.code);
  }
}

/** Reads a request body up to `limit` bytes; past it, stops reading and refuses with 413. */
async function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  const tooLarge = () =>
    new UploadError(413, 'too_large', {
      code: 'imageTooLarge',
      mib: Math.round((limit / MiB) * 10) / 10,
    });
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Images on boards: `POST /api/assets` stores the request body if its bytes really are a
 * PNG, JPEG, GIF or WebP image (the name and Content-Type are not trusted) and answers
 * `{ id, type, size, url }`; `GET /api/assets/<id>` serves it, cacheable forever (the id is
 * its content hash). Returns false for paths it does not own.
 */
export function createAssetsApi(store: AssetStore, limits: Limits, metrics: Metrics) {
  const buckets = new Map<string, TokenBucket>();
  const perSecond = limits.assetUploadsPerMinute / 60;

  async function upload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const ip = req.socket.remoteAddress ?? 'unknown';
    let bucket = buckets.get(ip);
    if (!bucket) {
      bucket = new TokenBucket(perSecond, limits.assetUploadsPerMinute);
      buckets.set(ip, bucket);
    }
    try {
      if (!bucket.take()) {
        throw new UploadError(429, 'rate_limited', { code: 'tooManyImages' });
      }
      const bytes = await readBody(req, limits.maxAssetBytes);
      if (bytes.length === 0) throw new UploadError(400, 'empty', { code: 'emptyUpload' });
      const type = sniffImageType(bytes);
      if (!type) {
        throw new UploadError(415, 'not_an_image', { code: 'notAnImage' });
      }
      const asset = await store.put(bytes, type);
      metrics.assetUploads.inc(1, 'stored');
      log('asset_stored', { id: asset.id, type, bytes: asset.size, ip });
      sendJson(res, 201, {
        id: asset.id,
        type,
        size: asset.size,
        url: `${UPLOAD_PATH}/${asset.id}`,
      });
    } catch (error) {
      if (!(error instanceof UploadError)) throw error;
      metrics.assetUploads.inc(1, error.reason);
      log('asset_refused', { reason: error.reason, ip });
      // The rest of a refused body is not read: close the connection once answered.
      res.setHeader('connection', 'close');
      sendError(res, error.status, error.refusal);
    }
  }

  async function serve(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const asset = ASSET_ID.test(id) ? await store.get(id) : null;
    if (!asset) {
      sendError(res, 404, { code: 'noImage' });
      return;
    }
    res.writeHead(200, {
      'content-type': asset.type,
      'content-length': asset.size,
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') res.end();
    // An image that cannot be read any more ends this response, not the process.
    else await pipeline(asset.stream(), res).catch(() => res.destroy());
  }

  return async function handleAssets(
    req: IncomingMessage,
    res: ServerResponse,
    pathname: string,
  ): Promise<boolean> {
    if (pathname === UPLOAD_PATH) {
      if (req.method === 'POST') await upload(req, res);
      else sendWrongMethod(res, req, 'POST');
      return true;
    }
    const match = ASSET_PATH.exec(pathname);
    if (!match) return false;
    if (req.method === 'GET' || req.method === 'HEAD') await serve(req, res, match[1]!);
    else sendWrongMethod(res, req, 'GET', 'HEAD');
    return true;
  };
}
