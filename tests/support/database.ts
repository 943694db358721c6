import { applyMigrations } from "../../lib/db/migrate";
import { createScratchDatabase } from "../../lib/db/scratch-database";

const DEFAULT_TEST_SERVER_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

export type TestDatabase = {
  databaseUrl: string;
  drop: () => Promise<void>;
};

/**
 * A fresh, fully migrated database of the test's own (`diagnoleads_test_<random>`) on
 * TEST_DATABASE_SERVER_URL's server. Call `drop()` when done; nothing else is touched.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_SERVER_URL ?? DEFAULT_TEST_SERVER_URL;
  const database = await createScratchDatabase(serverUrl, "diagnoleads_test");

  try {
    await applyMigrations(database.databaseUrl);
  } catch (error) {
    await database.drop();
    throw error;
  }

  return { databaseUrl: database.databaseUrl, drop: database.drop };
}
