import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { precompress } from './vite-precompress';

/** Puts prefetch-board.js inline in every page's head (one source for both pages). */
function prefetchBoard(): Plugin {
  const script = readFileSync(new URL('prefetch-board.js', import.meta.url), 'utf8');
  return {
    name: 'roundtable-prefetch-board',
    transformIndexHtml: () => [{ tag: 'script', children: script, injectTo: 'head' }],
  };
}

// In development the sync server runs on :8080 and Vite proxies the socket and APIs to it.
export default defineConfig({
  plugins: [react(), prefetchBoard(), precompress()],
  server: {
    proxy: {
      '/ws': { target: 'ws://localhost:8080', ws: true },
      '/api': 'http://localhost:8080',
      '/healthz': 'http://localhost:8080',
    },
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      input: {
        app: fileURLToPath(new URL('index.html', import.meta.url)),
        // The rendering benchmark's page (e2e/perf): the real canvas and a naive baseline.
        bench: fileURLToPath(new URL('bench.html', import.meta.url)),
      },
    },
  },
});
