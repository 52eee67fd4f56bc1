import { existsSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.dispose());

/** A raw request, so paths like /../ reach the server unnormalised. */
function rawGet(path: string, method = 'GET') {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>(
    (resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, path, method }, (res) => {
        let body = '';
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
      });
      req.on('error', reject);
      req.end();
    },
  );
}

describe('HTTP', () => {
  it('answers /healthz with JSON', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toMatchObject({ status: 'ok', uptimeSeconds: expect.any(Number) });
  });

  it('creates DATA_DIR on start', () => {
    expect(existsSync(server.dataDir)).toBe(true);
  });

  it.each(['/', '/b/group-a', '/exhibits', '/exhibits/42'])(
    'serves the app for %s',
    async (path) => {
      const res = await fetch(server.url + path);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toContain('<title>Roundtable</title>');
    },
  );

  it('lets browsers keep hashed assets for a year', async () => {
    const res = await fetch(`${server.url}/assets/index-abc123.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/javascript/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('sends the build’s brotli copy to browsers that take it, and 304 to one that has it', async () => {
    const plain = await rawGet('/assets/index-abc123.js');
    const compressed = await new Promise<{ headers: Record<string, unknown>; bytes: number }>(
      (resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: server.port,
            path: '/assets/index-abc123.js',
            headers: { 'accept-encoding': 'gzip, br' },
          },
          (res) => {
            let bytes = 0;
            res.on('data', (chunk: Buffer) => {
              bytes += chunk.length;
            });
            res.on('end', () => resolve({ headers: res.headers, bytes }));
          },
        );
        req.on('error', reject);
        req.end();
      },
    );
    expect(compressed.headers['content-encoding']).toBe('br');
    expect(compressed.bytes).toBeLessThan(plain.body.length / 4);
    const etag = plain.headers.etag as string;
    expect(etag).toBeTruthy();
    const again = await fetch(`${server.url}/assets/index-abc123.js`, {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
  });

  it('answers unknown paths with a JSON 404', async () => {
    const res = await fetch(`${server.url}/nope.png`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: 'nothing at /nope.png',
      refusal: { code: 'nothingAt', path: '/nope.png' },
    });
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt'])(
    'never serves files outside the app (%s)',
    async (path) => {
      const res = await rawGet(path);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body).not.toContain('outside the app');
    },
  );

  it('answers a malformed URL with 400, not 500', async () => {
    const res = await rawGet('/b/%E0%A4%A');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({
      error: 'malformed URL',
      refusal: { code: 'malformedUrl' },
    });
  });

  it('refuses methods it does not serve with 405', async () => {
    const res = await rawGet('/b/x', 'POST');
    expect(res.status).toBe(405);
    expect(JSON.parse(res.body).error).toMatch(/POST/);
  });
});

describe('the app files changing under a running server', () => {
  it('a file removed since start (a rebuild) ends that response, never the process', async () => {
    const own = await startTestServer();
    try {
      rmSync(join(own.appDir, 'assets', 'index-abc123.js.br'));
      rmSync(join(own.appDir, 'assets', 'index-abc123.js'));
      // The response ends or is cut, either is fine; what matters is the process after it.
      await new Promise<void>((resolve) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: own.port,
            path: '/assets/index-abc123.js',
            headers: { 'accept-encoding': 'br' },
          },
          (res) => {
            res.resume();
            res.on('end', resolve);
            res.on('error', () => resolve());
            res.on('aborted', resolve);
          },
        );
        req.on('error', () => resolve());
        req.end();
      });
      const health = await fetch(`${own.url}/healthz`);
      expect(health.status).toBe(200);
    } finally {
      await own.dispose();
    }
  });
});
