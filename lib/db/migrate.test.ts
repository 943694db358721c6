import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { createTestDatabase } from "../../tests/support/database";
import { applyMigrations } from "./migrate";
import { migrationChecksum } from "./migration-files";
import { createScratchDatabase } from "./scratch-database";
import type { ScratchDatabase } from "./scratch-database";

const SERVER_URL =
  process.env.TEST_DATABASE_SERVER_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

async function query<Row extends pg.QueryResultRow>(url: string, sql: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql)).rows;
  } finally {
    await client.end();
  }
}

type BookkeepingRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  logs: string | null;
  applied_steps_count: number;
};

const bookkeeping = (url: string): Promise<BookkeepingRow[]> =>
  query<BookkeepingRow>(
    url,
    `SELECT migration_name, checksum, finished_at, logs, applied_steps_count
       FROM _prisma_migrations ORDER BY migration_name`,
  );

describe("applyMigrations with the project's migrations", () => {
  it("creates the schema on an empty database and records each migration like Prisma", async () => {
    const database = await createTestDatabase();
    try {
      const tables = await query<{ table_name: string }>(
        database.databaseUrl,
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
      );
      expect(tables.map((row) => row.table_name)).toEqual(
        expect.arrayContaining(["tenants", "leads", "crm_integrations", "_prisma_migrations"]),
      );

      const rows = await bookkeeping(database.databaseUrl);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row.finished_at).toBeInstanceOf(Date);
        expect(row.applied_steps_count).toBe(1);
        expect(row.logs).toBeNull();
      }
    } finally {
      await database.drop();
    }
  });

  it("applies nothing on a second run", async () => {
    const database = await createTestDatabase();
    try {
      const before = await bookkeeping(database.databaseUrl);
      expect(await applyMigrations(database.databaseUrl)).toEqual([]);
      expect(await bookkeeping(database.databaseUrl)).toEqual(before);
    } finally {
      await database.drop();
    }
  });
});

describe("applyMigrations with fixture migrations", () => {
  let migrationsDir: string;
  let database: ScratchDatabase;

  const writeMigration = (name: string, sql: string): void => {
    mkdirSync(path.join(migrationsDir, name), { recursive: true });
    writeFileSync(path.join(migrationsDir, name, "migration.sql"), sql);
  };

  beforeEach(async () => {
    migrationsDir = mkdtempSync(path.join(tmpdir(), "diagnoleads-migrations-"));
    database = await createScratchDatabase(SERVER_URL, "diagnoleads_test");
  });

  afterEach(async () => {
    await database.drop();
    rmSync(migrationsDir, { recursive: true, force: true });
  });

  it("applies folders in name order, sending dollar-quoted bodies and comments intact", async () => {
    const second = `-- a comment; with a semicolon
DO $$ BEGIN INSERT INTO things (name) VALUES ('a;b'); END $$;`;
    writeMigration("20260102000000_seed", second);
    writeMigration("20260101000000_things", "CREATE TABLE things (name TEXT NOT NULL);");

    const applied = await applyMigrations(database.databaseUrl, { migrationsDir });

    expect(applied).toEqual(["20260101000000_things", "20260102000000_seed"]);
    expect(await query(database.databaseUrl, "SELECT name FROM things")).toEqual([{ name: "a;b" }]);
    const rows = await bookkeeping(database.databaseUrl);
    expect(rows[1]?.checksum).toBe(migrationChecksum(second));
  });

  it("refuses to continue when an applied migration's file changed", async () => {
    writeMigration("20260101000000_things", "CREATE TABLE things (name TEXT);");
    await applyMigrations(database.databaseUrl, { migrationsDir });

    writeMigration("20260101000000_things", "CREATE TABLE things (name TEXT, extra INT);");
    writeMigration("20260102000000_more", "CREATE TABLE more_things (id INT);");

    await expect(applyMigrations(database.databaseUrl, { migrationsDir })).rejects.toThrow(
      /20260101000000_things was modified after it was applied/,
    );
    const rows = await bookkeeping(database.databaseUrl);
    expect(rows.map((row) => row.migration_name)).toEqual(["20260101000000_things"]);
  });

  it("records a failing migration as unfinished, rolls back its changes and blocks later runs", async () => {
    writeMigration("20260101000000_ok", "CREATE TABLE ok_table (id INT);");
    writeMigration("20260102000000_bad", "CREATE TABLE half_done (id INT);\nSELECT 1 / 0;");
    writeMigration("20260103000000_after", "CREATE TABLE after_table (id INT);");

    await expect(applyMigrations(database.databaseUrl, { migrationsDir })).rejects.toThrow(
      /20260102000000_bad failed: division by zero/,
    );

    const rows = await bookkeeping(database.databaseUrl);
    expect(rows.map((row) => [row.migration_name, row.finished_at !== null])).toEqual([
      ["20260101000000_ok", true],
      ["20260102000000_bad", false],
    ]);
    expect(rows[1]?.logs).toMatch(/division by zero/);
    const leftovers = await query(
      database.databaseUrl,
      "SELECT to_regclass('half_done') AS half_done, to_regclass('after_table') AS after_table",
    );
    expect(leftovers).toEqual([{ half_done: null, after_table: null }]);

    await expect(applyMigrations(database.databaseUrl, { migrationsDir })).rejects.toThrow(
      /20260102000000_bad failed earlier/,
    );
  });
});
