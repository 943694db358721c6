import { randomUUID } from "node:crypto";

import pg from "pg";

import { DEFAULT_MIGRATIONS_DIR, readLockedProvider, readMigrationFiles } from "./migration-files";
import type { MigrationFile } from "./migration-files";
import {
  acquireMigrationLock,
  ensureMigrationsTable,
  readMigrationRows,
  recordMigrationFailed,
  recordMigrationFinished,
  recordMigrationStarted,
  releaseMigrationLock,
} from "./migrations-table";
import type { MigrationRow } from "./migrations-table";

export type ApplyMigrationsOptions = {
  migrationsDir?: string;
  log?: (message: string) => void;
};

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly migrationName: string,
  ) {
    super(message);
    this.name = "MigrationError";
  }
}

/**
 * Applies pending `prisma/migrations` folders the way `prisma migrate deploy` does, using only
 * `pg` (Prisma's CLI needs a native engine that cannot be downloaded here). Returns the names
 * of the migrations applied, in order; an up-to-date database yields an empty list.
 */
export async function applyMigrations(
  databaseUrl: string,
  opts: ApplyMigrationsOptions = {},
): Promise<string[]> {
  const migrationsDir = opts.migrationsDir ?? DEFAULT_MIGRATIONS_DIR;
  assertPostgresLock(migrationsDir);

  const files = readMigrationFiles(migrationsDir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();

  try {
    await acquireMigrationLock(client);
    try {
      await ensureMigrationsTable(client);
      const pending = findPendingMigrations(files, await readMigrationRows(client));
      return await applyInOrder(client, pending, opts.log);
    } finally {
      await releaseMigrationLock(client);
    }
  } finally {
    await client.end();
  }
}

function assertPostgresLock(migrationsDir: string): void {
  const provider = readLockedProvider(migrationsDir);
  if (provider !== null && provider !== "postgresql") {
    throw new Error(`${migrationsDir}/migration_lock.toml is for "${provider}", not postgresql`);
  }
}

/** Refuses, like Prisma, to build on a failed migration or on history that was edited. */
function findPendingMigrations(files: MigrationFile[], rows: MigrationRow[]): MigrationFile[] {
  const live = rows.filter((row) => row.rolledBackAt === null);

  const failed = live.find((row) => row.finishedAt === null);
  if (failed) {
    throw new MigrationError(
      `Migration ${failed.migrationName} failed earlier and was not rolled back; fix the ` +
        `database, then mark it rolled back (set rolled_back_at) before migrating again.\n` +
        (failed.logs ?? ""),
      failed.migrationName,
    );
  }

  const applied = new Map(live.map((row) => [row.migrationName, row]));
  for (const file of files) {
    const row = applied.get(file.name);
    if (row && row.checksum !== file.checksum) {
      throw new MigrationError(
        `Migration ${file.name} was modified after it was applied (checksum ` +
          `${row.checksum} in the database, ${file.checksum} on disk). Restore the file and ` +
          `put the change in a new migration.`,
        file.name,
      );
    }
  }

  return files.filter((file) => !applied.has(file.name));
}

async function applyInOrder(
  client: pg.Client,
  pending: MigrationFile[],
  log: ((message: string) => void) | undefined,
): Promise<string[]> {
  const appliedNames: string[] = [];

  for (const migration of pending) {
    await applyOne(client, migration);
    appliedNames.push(migration.name);
    log?.(`applied ${migration.name}`);
  }

  return appliedNames;
}

async function applyOne(client: pg.Client, migration: MigrationFile): Promise<void> {
  const id = randomUUID();
  await recordMigrationStarted(client, id, migration.name, migration.checksum);

  try {
    await client.query("BEGIN");
    // One simple-protocol query with the whole file: statements, `$$` bodies and comments
    // reach the server exactly as written.
    await client.query(migration.sql);
    // Marked finished in the same transaction, so "finished" and "schema changed" commit together.
    await recordMigrationFinished(client, id);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    const message = error instanceof Error ? error.message : String(error);
    await recordMigrationFailed(client, id, message);
    throw new MigrationError(`Migration ${migration.name} failed: ${message}`, migration.name);
  }
}
