import { defineConfig } from '@playwright/test'

/** Journeys through the built renderer in Chromium, with the real file services (see e2e/README.md). */
export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: { trace: 'retain-on-failure' }
})
