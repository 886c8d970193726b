import { defineConfig } from '@playwright/test'

/**
 * The real Electron app, launched by Playwright from the build (out/main/index.js).
 * It needs Electron's binary, which npm downloads from GitHub at install time; where
 * that was not possible the suite skips and says so (see e2e-electron/electronBinary.ts).
 */
export default defineConfig({
  testDir: 'e2e-electron',
  // One app at a time: each launch is a whole Electron process with its own windows.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results/electron',
  use: { trace: 'retain-on-failure' }
})
