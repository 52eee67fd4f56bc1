import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { headStart } from './vite-head-start';
import { precompress } from './vite-precompress';
import { serviceWorker } from './vite-service-worker';

/** In development the sync server runs on :8080 and Vite proxies the socket and APIs to it. */
export const devServer = {
  proxy: {
    '/ws': { target: 'ws://localhost:8080', ws: true },
    '/api': 'http://localhost:8080',
    '/healthz': 'http://localhost:8080',
  },
};

/**
 * The shipped app (dist). `--mode test` builds the same app with the end-to-end tests'
 * `window.roundtable` hook into dist-test, which the e2e harness serves; the shipped build
 * has no hook (import.meta.env.VITE_TEST_HOOK is false and the code is dropped). The
 * rendering benchmark's page has its own build (vite.bench.config.ts).
 */
export default defineConfig(({ mode }) => ({
  plugins: [react(), headStart(), serviceWorker(), precompress()],
  define: { 'import.meta.env.VITE_TEST_HOOK': JSON.stringify(mode === 'test') },
  server: devServer,
  build: {
    target: 'es2022',
    sourcemap: true,
    outDir: mode === 'test' ? 'dist-test' : 'dist',
  },
}));
