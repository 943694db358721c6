import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  SqlQueryable,
  SqlResultSet,
  Transaction,
} from "@prisma/driver-adapter-utils";
import pg from "pg";

import { createScratchDatabase } from "../../lib/db/scratch-database";

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

type PgField = { name: string; dataTypeID: number };
type PgResult = { fields: PgField[]; rows: unknown[][] };

// adapter-pg's queryRaw asks its own `performIO` for the raw result, then maps type oids. We
// reuse that code with a `this` whose performIO hides PostgreSQL's "char" (oid 18, used all
// over pg_catalog, which the engine introspects): adapter-pg rejects that oid outright.
type PgQueryableInternals = SqlQueryable & {
  performIO(query: SqlQuery): Promise<PgResult>;
  pgOptions?: unknown;
};

async function queryRawWithChar(inner: SqlQueryable, query: SqlQuery): Promise<SqlResultSet> {
  const internals = inner as PgQueryableInternals;
  const charColumns: number[] = [];

  const shim = {
    pgOptions: internals.pgOptions,
    performIO: async (sqlQuery: SqlQuery): Promise<PgResult> => {
      const result = await internals.performIO(sqlQuery);
      const fields = result.fields.map((field, index) => {
        if (field.dataTypeID !== PG_CHAR_OID) return field;
        charColumns.push(index);
        return { ...field, dataTypeID: PG_TEXT_OID };
      });
      return { fields, rows: result.rows };
    },
  };

  const resultSet = await internals.queryRaw.call(shim, query);
  for (const index of charColumns) resultSet.columnTypes[index] = ColumnTypeEnum.Character;
  return resultSet;
}

function wrapTransaction(inner: Transaction): Transaction {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    options: inner.options,
    queryRaw: (query) => queryRawWithChar(inner, query),
    executeRaw: (query) => inner.executeRaw(query),
    commit: () => inner.commit(),
    rollback: () => inner.rollback(),
  };
}

function wrapAdapter(inner: SqlDriverAdapter, databaseUrl: string): SqlDriverAdapter {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (query) => queryRawWithChar(inner, query),
    executeRaw: (query) => inner.executeRaw(query),
    // adapter-pg splits scripts on every `;`, which breaks `$$` bodies and `;` in comments.
    executeScript: (script) => runScript(databaseUrl, script),
    startTransaction: async (isolationLevel) =>
      wrapTransaction(await inner.startTransaction(isolationLevel)),
    getConnectionInfo: () => inner.getConnectionInfo?.() ?? { supportsRelationJoins: true },
    dispose: () => inner.dispose(),
  };
}

async function runScript(databaseUrl: string, script: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(script);
  } finally {
    await client.end();
  }
}

async function connectWrapped(databaseUrl: string): Promise<SqlDriverAdapter> {
  const inner = await new PrismaPg({ connectionString: databaseUrl }).connect();
  return wrapAdapter(inner, databaseUrl);
}

/**
 * An adapter factory for the wasm schema engine. `connect` reaches `databaseUrl`; every
 * shadow connection gets a scratch database of its own, dropped on dispose. (adapter-pg's own
 * shadow setup keeps the original connection string, so it can land on the main database.)
 */
export function createEngineAdapterFactory(
  databaseUrl: string,
  serverUrl: string,
): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => connectWrapped(databaseUrl),
    connectToShadowDb: async () => {
      const shadow = await createScratchDatabase(serverUrl, "diagnoleads_shadow");
      const adapter = await connectWrapped(shadow.databaseUrl);
      return {
        ...adapter,
        dispose: async () => {
          await adapter.dispose();
          await shadow.drop();
        },
      };
    },
  };
}
