// Run as a separate process by the refresh-race test: syncs the given outbox entries with its
// own database pool, as a second server process would.
import { createPrismaClient } from "@/lib/db/client";
import { syncDueEntries } from "@/lib/sync/sync-engine";

async function main() {
  const ids = process.argv.slice(2);
  const db = createPrismaClient(process.env.DATABASE_URL ?? "");
  try {
    await syncDueEntries(db, { ids, limit: ids.length });
  } finally {
    await db.$disconnect();
  }
}

void main();
