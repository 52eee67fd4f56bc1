import { defineProject } from 'vitest/config';

// Browsers are heavy on a 2-core machine: one test file at a time.
export default defineProject({
  test: {
    name: 'e2e',
    include: ['tests/**/*.e2e.test.ts'],
    fileParallelism: false,
    // Last, alone: Chromium would starve the server tests' timers on 2 cores.
    sequence: { groupOrder: 2 },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
