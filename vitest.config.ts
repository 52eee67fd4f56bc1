import { defineConfig } from 'vitest/config';

// One `vitest run` at the root runs every package's tests and the browser e2e suite.
export default defineConfig({
  test: {
    projects: ['packages/*', 'e2e'],
    allowOnly: !process.env.CI,
  },
});
