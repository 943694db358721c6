import { PrismaPg } from "@prisma/adapter-pg";

import { readDatabaseUrl } from "./database-url";
import { PrismaClient } from "./generated/client";

export type { Prisma, PrismaClient } from "./generated/client";

/** A client with its own connection pool; callers that create one must `$disconnect()` it. */
export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
}

// Next's dev server re-evaluates modules on every edit; keeping the client on globalThis stops
// each reload from opening another pool until PostgreSQL runs out of connections.
const globalForPrisma = globalThis as typeof globalThis & { diagnoleadsPrisma?: PrismaClient };

/** The process-wide client for DATABASE_URL, created on first use. */
export function getPrisma(): PrismaClient {
  globalForPrisma.diagnoleadsPrisma ??= createPrismaClient(readDatabaseUrl());
  return globalForPrisma.diagnoleadsPrisma;
}

/** Points the process-wide client at another database (tests that make their own). */
export async function replaceProcessPrisma(databaseUrl: string): Promise<PrismaClient> {
  await globalForPrisma.diagnoleadsPrisma?.$disconnect();
  globalForPrisma.diagnoleadsPrisma = createPrismaClient(databaseUrl);
  return globalForPrisma.diagnoleadsPrisma;
}
