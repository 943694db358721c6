import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

import { E2E_FIXTURE, E2E_PORTS } from "../playwright.config";
import { createPrismaClient } from "../lib/db/client";
import { DEMO_LEADS, seedTenant } from "../lib/demo/demo-tenant";
import { startHubSpotSandbox } from "../sandboxes/hubspot";
import { startSalesforceSandbox } from "../sandboxes/salesforce";
import { createTestDatabase } from "../tests/support/database";

// The world the browser tests run in: a database of their own, both sandboxes on fixed ports,
// two tenants (one per CRM, since a tenant has one CRM) and the production build of the app.

async function main() {
  const database = await createTestDatabase();
  const db = createPrismaClient(database.databaseUrl);
  // One tenant per CRM and purpose: a tenant has one CRM, and specs must not share state.
  const tenants: Record<
    string,
    { tenantId: string; apiKey: string; email: string; password: string }
  > = {};
  for (const purpose of ["sync", "lifecycle", "mapping"]) {
    for (const crm of ["salesforce", "hubspot"]) {
      const key = `${purpose}-${crm}`;
      const email = `${key}-admin@e2e.diagnoleads.test`;
      const password = `e2e-${key}-password`;
      const seeded = await seedTenant(db, {
        slug: `e2e-${key}`,
        name: `E2E ${key} テナント`,
        adminEmail: email,
        adminPassword: password,
        leads: DEMO_LEADS.slice(0, 2),
      });
      tenants[key] = { ...seeded, email, password };
    }
  }
  await db.$disconnect();

  const salesforce = await startSalesforceSandbox({
    loginPort: E2E_PORTS.sfLogin,
    testLoginPort: E2E_PORTS.sfTestLogin,
    instancePort: E2E_PORTS.sfInstance,
  });
  const hubspot = await startHubSpotSandbox({ appPort: E2E_PORTS.hsApp, apiPort: E2E_PORTS.hsApi });
  mkdirSync(path.dirname(E2E_FIXTURE), { recursive: true });
  writeFileSync(E2E_FIXTURE, JSON.stringify({ tenants, salesforce, hubspot }, null, 2));

  const appUrl = `http://localhost:${E2E_PORTS.app}`;
  const next = spawn(
    process.execPath,
    [
      path.join("node_modules", "next", "dist", "bin", "next"),
      "start",
      "-p",
      String(E2E_PORTS.app),
    ],
    {
      stdio: "inherit",
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: database.databaseUrl,
        APP_URL: appUrl,
        NEXTAUTH_URL: appUrl,
        // A production server refuses the development secrets: these exist for this run only.
        NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
        TOKEN_ENCRYPTION_KEYS: `e2e:${randomBytes(32).toString("base64")}`,
        SALESFORCE_LOGIN_URL: salesforce.loginUrl,
        SALESFORCE_SANDBOX_LOGIN_URL: salesforce.testLoginUrl,
        HUBSPOT_AUTHORIZE_URL: `${hubspot.appUrl}/oauth/authorize`,
        HUBSPOT_API_URL: hubspot.apiUrl,
      },
    },
  );

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    next.kill("SIGTERM");
    await Promise.allSettled([salesforce.close(), hubspot.close()]);
    await database.drop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  next.on("exit", () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
