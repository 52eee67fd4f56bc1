import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { devServer } from './vite.config';
import { headStart } from './vite-head-start';

/**
 * The rendering benchmark's page (e2e/perf) and its react-konva baseline, built apart from
 * the shipped app into dist-bench (`pnpm bench` builds it; the bench serves it as APP_DIR).
 */
export default defineConfig({
  plugins: [react(), headStart()],
  define: { 'import.meta.env.VITE_TEST_HOOK': 'false' },
  server: devServer,
  build: {
    target: 'es2022',
    outDir: 'dist-bench',
    rolldownOptions: {
      input: { bench: fileURLToPath(new URL('bench.html', import.meta.url)) },
    },
  },
});
