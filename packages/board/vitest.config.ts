import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'board',
    include: ['test/**/*.test.ts'],
    // Unit tests first, then the servers', then the browsers' (see the root config).
    sequence: { groupOrder: 0 },
  },
});
