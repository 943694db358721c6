import { readFileSync } from "node:fs";
import path from "node:path";

import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";

import {
  MIGRATION_FILE_NAME,
  MIGRATION_LOCK_FILE_NAME,
  readMigrationFiles,
} from "../../lib/db/migration-files";

type PanicRegistry = { message: string; set_message: (message: string) => void };

// The wasm engine reports a Rust panic by writing into this global; without it the message
// is lost and the engine dies with "undefined is not an object".
function installPanicRegistry(): PanicRegistry {
  const registry: PanicRegistry = {
    message: "",
    set_message(message: string) {
      this.message = message;
    },
  };
  Object.assign(globalThis, { PRISMA_WASM_PANIC_REGISTRY: registry });
  return registry;
}

export type EngineSession = {
  engine: SchemaEngine;
  panicMessage: () => string;
};

export async function startSchemaEngine(
  schemaPath: string,
  factory: SqlMigrationAwareDriverAdapterFactory,
): Promise<EngineSession> {
  const registry = installPanicRegistry();
  const { SchemaEngine } = await import("@prisma/schema-engine-wasm");

  const schema = readFileSync(schemaPath, "utf8");
  const engine = await SchemaEngine.new(
    { datamodels: [[schemaPath, schema]] },
    (log: string) => {
      if (process.env.DEBUG_SCHEMA_ENGINE) console.error(log);
    },
    bindMigrationAwareSqlAdapterFactory(factory),
  );

  return { engine, panicMessage: () => registry.message };
}

/** The engine's view of prisma/migrations, read the same way Prisma's CLI reads it. */
export function loadMigrationList(migrationsDir: string): MigrationList {
  const lockPath = path.join(migrationsDir, MIGRATION_LOCK_FILE_NAME);
  let lockContent: string | null = null;
  try {
    lockContent = readFileSync(lockPath, "utf8");
  } catch {
    lockContent = null;
  }

  return {
    baseDir: migrationsDir,
    lockfile: { path: MIGRATION_LOCK_FILE_NAME, content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories: readMigrationFiles(migrationsDir).map((migration) => ({
      path: migration.name,
      migrationFile: {
        path: MIGRATION_FILE_NAME,
        content: { tag: "ok", value: migration.sql },
      },
    })),
  };
}
