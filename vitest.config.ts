import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
    testTimeout: 30_000,
    // A fresh, migrated database per file: seconds alone, over a minute on a shared, loaded machine.
    hookTimeout: 180_000,
    // Every file has its own database (tests/support/db.ts), so two files run side by side.
    fileParallelism: true,
    maxWorkers: 2,
    server: { deps: { inline: ['next-auth', '@auth/core'] } },
  },
});
