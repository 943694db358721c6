import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** Where Prisma keeps migrations, relative to the project root. */
export const DEFAULT_MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

export const MIGRATION_FILE_NAME = "migration.sql";
export const MIGRATION_LOCK_FILE_NAME = "migration_lock.toml";

export type MigrationFile = {
  name: string;
  sql: string;
  checksum: string;
};

/** Prisma compares this against `_prisma_migrations.checksum`: sha256 hex of the raw file. */
export function migrationChecksum(sql: string): string {
  return createHash("sha256").update(sql, "utf8").digest("hex");
}

/**
 * Reads `<dir>/<name>/migration.sql` for every migration folder, ordered by name, which is the
 * order Prisma applies them in (folder names start with a UTC timestamp).
 */
export function readMigrationFiles(migrationsDir: string): MigrationFile[] {
  if (!existsSync(migrationsDir)) return [];

  const folders = readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

  return folders.flatMap((name) => {
    const file = path.join(migrationsDir, name, MIGRATION_FILE_NAME);
    if (!existsSync(file)) return [];

    const sql = readFileSync(file, "utf8");
    return [{ name, sql, checksum: migrationChecksum(sql) }];
  });
}

/** Returns the provider named in migration_lock.toml, or null when there is no lock file. */
export function readLockedProvider(migrationsDir: string): string | null {
  const file = path.join(migrationsDir, MIGRATION_LOCK_FILE_NAME);
  if (!existsSync(file)) return null;

  const match = /^\s*provider\s*=\s*"([^"]+)"/m.exec(readFileSync(file, "utf8"));
  return match?.[1] ?? null;
}
