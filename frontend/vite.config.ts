import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    // Sized for two loaded cores (CI, or a machine building something
    // else): a component test that takes 1 s idle can take ten times that.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
