import { z } from "zod";

const DEFAULT_SERVER_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

const databaseEnv = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
});

/** DATABASE_URL, validated; throws a readable error when it is missing or malformed. */
export function readDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = databaseEnv.parse(env).DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (e.g. postgresql://user@host:5432/db)");
  return url;
}

/** The server of DATABASE_URL (its maintenance database), or the local default server. */
export function readServerUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = databaseEnv.parse(env).DATABASE_URL;
  return url ? withDatabase(url, "postgres") : DEFAULT_SERVER_URL;
}

/** The same server and credentials, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** Database names we create ourselves: quoted, so they must stay plain identifiers. */
export function quoteIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unsafe database name: ${name}`);
  return `"${name}"`;
}
