import { createPrismaClient } from "../../lib/db/client";
import { startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { applyMigrations } from "../../lib/db/migrate";
import { DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD, seedDemoTenant } from "../../lib/demo/demo-tenant";

export interface AppDependencies {
  databaseUrl: string;
  demo: { tenantId: string; apiKey: string; adminEmail: string; adminPassword: string };
  stop(): Promise<void>;
}

/** Database (embedded unless DATABASE_URL is set), migrations and the demo tenant. */
export async function startAppDependencies(): Promise<AppDependencies> {
  const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres();
  const databaseUrl = process.env.DATABASE_URL ?? (embedded?.databaseUrl as string);
  await applyMigrations(databaseUrl);

  const db = createPrismaClient(databaseUrl);
  try {
    const demo = await seedDemoTenant(db);
    return {
      databaseUrl,
      demo: { ...demo, adminEmail: DEMO_ADMIN_EMAIL, adminPassword: DEMO_ADMIN_PASSWORD },
      stop: async () => {
        await embedded?.stop();
      },
    };
  } finally {
    await db.$disconnect();
  }
}
