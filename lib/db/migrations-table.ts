import type { ClientBase } from "pg";

// Same key as Prisma's schema engine, so our runner and `prisma migrate deploy` exclude each
// other when both point at one database.
export const PRISMA_ADVISORY_LOCK_KEY = 72707369;

// Prisma gives up on the lock after 10 s; so do we, rather than hang a deploy forever.
const LOCK_TIMEOUT = "10s";

// Column for column what Prisma's engine creates, so the table stays usable by `prisma migrate`.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export type MigrationRow = {
  id: string;
  checksum: string;
  migrationName: string;
  finishedAt: Date | null;
  rolledBackAt: Date | null;
  logs: string | null;
};

export async function acquireMigrationLock(client: ClientBase): Promise<void> {
  await client.query(`SET lock_timeout = '${LOCK_TIMEOUT}'`);
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
  } finally {
    await client.query("RESET lock_timeout");
  }
}

export async function releaseMigrationLock(client: ClientBase): Promise<void> {
  await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
}

export async function ensureMigrationsTable(client: ClientBase): Promise<void> {
  await client.query(CREATE_MIGRATIONS_TABLE);
}

export async function readMigrationRows(client: ClientBase): Promise<MigrationRow[]> {
  const result = await client.query<{
    id: string;
    checksum: string;
    migration_name: string;
    finished_at: Date | null;
    rolled_back_at: Date | null;
    logs: string | null;
  }>(
    `SELECT id, checksum, migration_name, finished_at, rolled_back_at, logs
       FROM "_prisma_migrations" ORDER BY started_at ASC`,
  );

  return result.rows.map((row) => ({
    id: row.id,
    checksum: row.checksum,
    migrationName: row.migration_name,
    finishedAt: row.finished_at,
    rolledBackAt: row.rolled_back_at,
    logs: row.logs,
  }));
}

/** Written outside the migration's transaction so that a failure stays on record. */
export async function recordMigrationStarted(
  client: ClientBase,
  id: string,
  name: string,
  checksum: string,
): Promise<void> {
  await client.query(
    `INSERT INTO "_prisma_migrations" (id, checksum, started_at, migration_name, applied_steps_count)
     VALUES ($1, $2, now(), $3, 0)`,
    [id, checksum, name],
  );
}

export async function recordMigrationFinished(client: ClientBase, id: string): Promise<void> {
  await client.query(
    `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
    [id],
  );
}

export async function recordMigrationFailed(
  client: ClientBase,
  id: string,
  logs: string,
): Promise<void> {
  await client.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, logs]);
}
