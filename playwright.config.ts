import path from "node:path";

import { defineConfig } from "@playwright/test";

// Browser tests run Debian's Chromium (never a downloaded browser) against a production build
// served by scripts/e2e-server.ts, which also starts the CRM sandboxes and its own database.

// E2E_PORT_OFFSET lets two runs share a machine (default ports: app 3100, sandboxes 41xx).
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
export const E2E_PORTS = {
  app: 3100 + offset,
  sfLogin: 4110 + offset,
  sfTestLogin: 4111 + offset,
  sfInstance: 4112 + offset,
  hsApp: 4120 + offset,
  hsApi: 4121 + offset,
};
/** Written by scripts/e2e-server.ts: tenants, API keys and sandbox URLs for the specs. */
export const E2E_FIXTURE = path.join(".data", "e2e", `fixture-${offset}.json`);

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"], ["json"]],
  use: {
    baseURL: `http://localhost:${E2E_PORTS.app}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
    trace: "retain-on-failure",
  },
  webServer: {
    command: "node_modules/.bin/tsx scripts/e2e-server.ts",
    url: `http://localhost:${E2E_PORTS.app}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    stdout: "pipe",
    stderr: "pipe",
  },
});
