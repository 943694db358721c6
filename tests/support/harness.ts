import { startHubSpotSandbox, type HubSpotSandbox } from "@/sandboxes/hubspot";
import { startSalesforceSandbox, type SalesforceSandbox } from "@/sandboxes/salesforce";
import { issueApiKey } from "@/lib/auth/api-keys";
import { hashPassword } from "@/lib/auth/password";
import { resetEnvCache } from "@/lib/config/env";
import { replaceProcessPrisma } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/db/generated/client";
import { getInlineWorker } from "@/lib/sync/inline-worker";
import { createTestDatabase, type TestDatabase } from "@/tests/support/database";

// One test file's world: its own database, both CRM sandboxes on random ports, and the app's
// configuration pointed at them. Everything the product does goes over real HTTP.

export interface Harness {
  db: PrismaClient;
  salesforce: SalesforceSandbox;
  hubspot: HubSpotSandbox;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  env?: Record<string, string>;
  /** "background": the inline worker polls and wakes as in the app; "manual": tests drive it. */
  sync?: "background" | "manual";
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const env = options.env ?? {};
  const database: TestDatabase = await createTestDatabase();
  const salesforce = await startSalesforceSandbox();
  const hubspot = await startHubSpotSandbox();
  Object.assign(process.env, {
    DATABASE_URL: database.databaseUrl,
    APP_URL: "http://localhost:3999",
    SALESFORCE_LOGIN_URL: salesforce.loginUrl,
    SALESFORCE_SANDBOX_LOGIN_URL: salesforce.testLoginUrl,
    HUBSPOT_AUTHORIZE_URL: `${hubspot.appUrl}/oauth/authorize`,
    HUBSPOT_API_URL: hubspot.apiUrl,
    LOG_LEVEL: process.env.LOG_LEVEL ?? "silent",
    ...env,
  });
  delete process.env.INNGEST_EVENT_KEY;
  delete process.env.INNGEST_DEV;
  resetEnvCache();
  const db = await replaceProcessPrisma(database.databaseUrl);
  if (options.sync === "manual") await getInlineWorker().pause();
  else getInlineWorker().resume();
  return {
    db,
    salesforce,
    hubspot,
    async stop() {
      await getInlineWorker().pause();
      await db.$disconnect();
      await Promise.all([salesforce.close(), hubspot.close()]);
      await database.drop();
    },
  };
}

export interface TestTenant {
  tenantId: string;
  userId: string;
  apiKey: string;
}

let tenantCounter = 0;

export async function createTenant(db: PrismaClient, name = "Test tenant"): Promise<TestTenant> {
  tenantCounter += 1;
  const slug = `t${Date.now()}-${tenantCounter}`;
  const tenant = await db.tenant.create({ data: { name, slug } });
  const user = await db.user.create({
    data: {
      email: `admin-${slug}@example.test`,
      name: "Admin",
      passwordHash: await hashPassword("pw"),
    },
  });
  await db.membership.create({ data: { tenantId: tenant.id, userId: user.id, role: "admin" } });
  const { key } = await issueApiKey(db, tenant.id, "test");
  return { tenantId: tenant.id, userId: user.id, apiKey: key };
}

/** Polls `check` until it returns a value other than undefined/false, or throws on timeout. */
export async function waitFor<T>(
  check: () => Promise<T | undefined | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ""}`);
}
