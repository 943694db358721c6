import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

import { defineConfig } from "prisma/config";

const projectRoot = import.meta.dirname;

// Prisma downloads its native schema engine next to @prisma/engines on install. That download
// fails offline (and our allowScripts policy skips it), so there we point the CLI at a stub
// that exits 1: `prisma generate` then works, and migrate commands fail loudly instead of
// pretending to succeed.
function hasNativeSchemaEngine(): boolean {
  if (process.env.PRISMA_SCHEMA_ENGINE_BINARY) return true;

  const enginesDir = path.join(projectRoot, "node_modules", "@prisma", "engines");
  if (!existsSync(enginesDir)) return false;
  return readdirSync(enginesDir).some((name) => name.startsWith("schema-engine-"));
}

if (!hasNativeSchemaEngine()) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = path.join(
    projectRoot,
    "scripts",
    "db",
    "schema-engine-stub",
  );
}

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  // Only commands that talk to a database need a URL; generate must work without one.
  ...(process.env.DATABASE_URL ? { datasource: { url: process.env.DATABASE_URL } } : {}),
});
