import { randomBytes } from "node:crypto";

import pg from "pg";

import { quoteIdentifier, withDatabase } from "./database-url";

export type ScratchDatabase = {
  name: string;
  databaseUrl: string;
  drop: () => Promise<void>;
};

/**
 * Creates `<prefix>_<random>` on the server and returns its URL. Callers own exactly the
 * databases they create here, so parallel tests and scripts never step on each other.
 */
export async function createScratchDatabase(
  serverUrl: string,
  prefix: string,
): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await runOnServer(serverUrl, `CREATE DATABASE ${quoteIdentifier(name)}`);

  return {
    name,
    databaseUrl: withDatabase(serverUrl, name),
    drop: () =>
      runOnServer(serverUrl, `DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`),
  };
}

async function runOnServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
