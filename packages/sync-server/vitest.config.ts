import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'sync-server',
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // After the unit tests, before the browsers: a 2-core machine runs one group at a time.
    sequence: { groupOrder: 1 },
    // In-process servers log every connect and refusal; the child-process tests read theirs.
    env: { ROUNDTABLE_LOG: 'off' },
  },
});
