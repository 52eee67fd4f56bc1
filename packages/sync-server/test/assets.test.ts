import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sniffImageType } from '../src/assets/image-type';
import { startTestServer, type TestServer } from './helpers';
import { tinyPng } from './images';

let server: TestServer | null = null;
afterEach(async () => {
  await server?.dispose();
  server = null;
});

const upload = (body: Uint8Array, type = 'image/png') =>
  fetch(`${server!.url}/api/assets`, {
    method: 'POST',
    headers: { 'content-type': type },
    body,
  });

describe('sniffImageType', () => {
  it('knows PNG, JPEG, GIF and WebP by their first bytes', () => {
    expect(sniffImageType(tinyPng())).toBe('image/png');
    expect(sniffImageType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(sniffImageType(new TextEncoder().encode('GIF89a\x01\x00'))).toBe('image/gif');
    expect(sniffImageType(new TextEncoder().encode('RIFF\x10\x00\x00\x00WEBPVP8 '))).toBe(
      'image/webp',
    );
  });

  it('refuses anything else, whatever it claims to be', () => {
    for (const text of [
      '<svg xmlns="http://www.w3.org/2000/svg"/>',
      '<html>',
      'GIF87',
      'RIFFxxxxWAVE',
      '',
    ]) {
      expect(sniffImageType(new TextEncoder().encode(text))).toBeNull();
    }
    // A PNG signature cut short is not a PNG.
    expect(sniffImageType(tinyPng().subarray(0, 6))).toBeNull();
  });
});

describe('image uploads', () => {
  it('stores an image and serves it back byte for byte, cacheable forever', async () => {
    server = await startTestServer();
    const png = tinyPng();
    const res = await upload(png);
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; type: string; size: number; url: string };
    expect(body).toMatchObject({ type: 'image/png', size: png.length });
    expect(body.id).toMatch(/^[0-9a-f]{64}$/);

    const got = await fetch(`${server.url}${body.url}`);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(got.headers.get('cache-control')).toMatch(/immutable/);
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(new Uint8Array(png));
  });

  it('stores the same image once, and keeps images across a restart', async () => {
    server = await startTestServer();
    const first = (await (await upload(tinyPng(10))).json()) as { id: string };
    const again = (await (await upload(tinyPng(10))).json()) as { id: string };
    const other = (await (await upload(tinyPng(20))).json()) as { id: string };
    expect(again.id).toBe(first.id);
    expect(other.id).not.toBe(first.id);
    expect(readdirSync(join(server.dataDir, 'assets'))).toHaveLength(2);

    server = await server.restart();
    expect((await fetch(`${server.url}/api/assets/${first.id}`)).status).toBe(200);
  });

  it('trusts the bytes, not the Content-Type: an SVG or HTML page is refused with 415', async () => {
    server = await startTestServer();
    for (const text of ['<svg onload="alert(1)"/>', '<html><script>alert(1)</script>']) {
      const res = await upload(new TextEncoder().encode(text), 'image/png');
      expect(res.status).toBe(415);
      expect(((await res.json()) as { error: string }).error).toMatch(/PNG, JPEG, GIF and WebP/);
    }
    expect(readdirSync(join(server.dataDir, 'assets'))).toHaveLength(0);
  });

  it('refuses an empty upload (400) and one over MAX_ASSET_BYTES (413), and keeps serving', async () => {
    server = await startTestServer({ limits: { maxAssetBytes: 4096 } });
    const empty = await upload(new Uint8Array(0));
    expect(empty.status).toBe(400);
    const big = new Uint8Array(64 * 1024);
    big.set(tinyPng());
    const tooBig = await upload(big);
    expect(tooBig.status).toBe(413);
    expect(((await tooBig.json()) as { error: string }).error).toMatch(/larger than/);
    expect((await upload(tinyPng())).status).toBe(201);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('limits uploads per minute from one address with 429', async () => {
    server = await startTestServer({ limits: { assetUploadsPerMinute: 3 } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await upload(tinyPng(i))).status);
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/roundtable_asset_uploads_total\{outcome="rate_limited"\} 2/);
  });

  it('answers unknown or malformed asset ids with 404 and wrong methods with 405, as JSON', async () => {
    server = await startTestServer();
    for (const path of [
      `/api/assets/${'0'.repeat(64)}`,
      '/api/assets/..%2F..%2Fetc%2Fpasswd',
      '/api/assets/abc',
    ]) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: 'no such image', refusal: { code: 'noImage' } });
    }
    expect((await fetch(`${server.url}/api/assets`)).status).toBe(405);
    expect((await fetch(`${server.url}/api/assets/abc`, { method: 'DELETE' })).status).toBe(405);
  });
});
