import { randomUUID } from "node:crypto";
import { http, type RequestHandler } from "msw";
import { SF_CONFIG } from "./config";
import { malformedQueryResponse, sfError, sfErrorResponse } from "./errors";
import { withApi, type ApiContext } from "./api-guard";
import { parseSoql, type SoqlCondition, type SoqlQuery, type SoqlValue } from "./soql";
import { serializeRecord } from "./serialize";
import { fieldsOf, findField, type SfFieldDef } from "./sobjects";
import type { SalesforceStore } from "./store";
import type { SfRecord } from "./state-types";
import { parseSfDateTime } from "./timestamps";

const BASE = "/services/data/:version";
type Cursor = { orgId: string; records: Record<string, unknown>[]; batchSize: number };
const cursors = new Map<string, Cursor>();

export function queryHandlers(store: SalesforceStore): RequestHandler[] {
  const api = (fn: (ctx: ApiContext) => Response | Promise<Response>) => withApi(store, fn);
  return [
    http.get(
      `${BASE}/query`,
      api((ctx) => runQuery(ctx, false)),
    ),
    http.get(
      `${BASE}/queryAll`,
      api((ctx) => runQuery(ctx, true)),
    ),
    http.get(`${BASE}/query/:locator`, api(nextPage)),
  ];
}

function runQuery(ctx: ApiContext, includeDeleted: boolean): Response {
  const text = new URL(ctx.request.url).searchParams.get("q") ?? "";
  const query = parseSoql(text);
  if (typeof query === "string") return malformedQueryResponse(query);
  const defs = fieldsOf(query.sobject, ctx.org.leadStatuses);
  if (!defs) {
    return sfErrorResponse(400, [
      sfError("INVALID_TYPE", `sObject type '${query.sobject}' is not supported.`),
    ]);
  }
  const unknown = [
    ...query.fields,
    ...query.where.map((c) => c.field),
    ...(query.orderBy ? [query.orderBy.field] : []),
  ].find((f) => !findField(defs, f));
  if (unknown) {
    return sfErrorResponse(400, [
      sfError("INVALID_FIELD", `No such column '${unknown}' on entity '${query.sobject}'.`),
    ]);
  }

  const rows = select(ctx.store, ctx.org.id, query, defs, includeDeleted).map((r) =>
    serializeRecord(r, ctx.version, ctx.org.leadStatuses, query.fields),
  );
  return Response.json(page(ctx, rows, batchSizeOf(ctx.request)));
}

function select(
  store: SalesforceStore,
  orgId: string,
  query: SoqlQuery,
  defs: SfFieldDef[],
  includeDeleted: boolean,
): SfRecord[] {
  const records = Object.values(store.state.records).filter(
    (r) =>
      r.orgId === orgId &&
      r.sobject === query.sobject &&
      (includeDeleted || !r.deletedAt) &&
      query.where.every((c) => matches(r, c, defs)),
  );
  if (query.orderBy) {
    const field = findField(defs, query.orderBy.field)?.name ?? "";
    const sign = query.orderBy.descending ? -1 : 1;
    records.sort((a, b) => sign * compare(a.fields[field], b.fields[field]));
  }
  return query.limit !== undefined ? records.slice(0, query.limit) : records;
}

function matches(record: SfRecord, condition: SoqlCondition, defs: SfFieldDef[]): boolean {
  const def = findField(defs, condition.field);
  const raw = def ? record.fields[def.name] : undefined;
  const actual = def?.type === "datetime" && typeof raw === "string" ? parseSfDateTime(raw) : raw;
  const expected = condition.values.map(unwrap);
  const order = compare(actual, expected[0]);
  switch (condition.op) {
    case "=":
      return (actual ?? null) === expected[0];
    case "!=":
      return (actual ?? null) !== expected[0];
    case ">":
      return actual != null && order > 0;
    case ">=":
      return actual != null && order >= 0;
    case "<":
      return actual != null && order < 0;
    case "<=":
      return actual != null && order <= 0;
    default:
      return expected.includes(actual as SoqlValue);
  }
}

function unwrap(value: SoqlValue): SoqlValue {
  return value !== null && typeof value === "object" ? value.datetime : value;
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === "string" && typeof b === "string" && /^\d{4}-/.test(a)) {
    return parseSfDateTime(a) - parseSfDateTime(b);
  }
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a ?? "").localeCompare(String(b ?? ""));
}

function batchSizeOf(request: Request): number {
  const header = request.headers.get("sforce-query-options") ?? "";
  const requested = Number(/batchSize=(\d+)/i.exec(header)?.[1] ?? SF_CONFIG.queryBatchSize);
  return Math.min(SF_CONFIG.queryBatchSize, Math.max(200, requested));
}

function page(
  ctx: ApiContext,
  rows: Record<string, unknown>[],
  batchSize: number,
  offset = 0,
  cursorId?: string,
) {
  const slice = rows.slice(offset, offset + batchSize);
  const done = offset + batchSize >= rows.length;
  const id = cursorId ?? `01g${randomUUID().replace(/-/g, "").slice(0, 15)}`;
  if (!done) cursors.set(id, { orgId: ctx.org.id, records: rows, batchSize });
  return {
    totalSize: rows.length,
    done,
    ...(done
      ? {}
      : { nextRecordsUrl: `/services/data/v${ctx.version}/query/${id}-${offset + batchSize}` }),
    records: slice,
  };
}

function nextPage(ctx: ApiContext): Response {
  const match = /^(01g\w+)-(\d+)$/.exec(ctx.params.locator ?? "");
  const cursor = match ? cursors.get(match[1] ?? "") : undefined;
  if (!match || !cursor || cursor.orgId !== ctx.org.id) {
    return sfErrorResponse(400, [sfError("INVALID_QUERY_LOCATOR", "invalid query locator")]);
  }
  return Response.json(page(ctx, cursor.records, cursor.batchSize, Number(match[2]), match[1]));
}
