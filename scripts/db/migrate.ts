import { applyMigrations } from "../../lib/db/migrate";
import { readDatabaseUrl } from "../../lib/db/database-url";

async function main(): Promise<void> {
  const applied = await applyMigrations(readDatabaseUrl(), { log: (line) => console.log(line) });
  console.log(applied.length === 0 ? "No pending migrations." : `Applied ${applied.length}.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
