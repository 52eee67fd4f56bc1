import { defineConfig } from 'vitest/config';

// One `vitest run` at the root runs every package's tests and the browser e2e suite: the
// unit tests, then the server tests, then the browser tests, each group alone
// (`sequence.groupOrder` in each project), so no group's timing depends on another's load.
export default defineConfig({
  test: {
    projects: ['packages/*', 'e2e'],
    allowOnly: !process.env.CI,
  },
});
