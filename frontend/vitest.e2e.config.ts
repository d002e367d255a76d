import { defineConfig } from 'vitest/config';

// End-to-end tests: the real dev-tagged binary (Go backend + this UI) under
// Xvfb, driven by Playwright in Debian's Chromium. One app per test file,
// each with its own data dir and the file keychain.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    globals: true,
  },
});
