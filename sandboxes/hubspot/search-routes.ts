import { http, type RequestHandler } from "msw";
import { z } from "zod";
import { readJson } from "../shared/form";
import { withHsApi, type HsContext } from "./api-guard";
import { HS_CONFIG } from "./config";
import { hsError } from "./errors";
import { liveObjects, serializeObject } from "./objects";
import { propertiesOf } from "./store";
import { type HsRecord } from "./state-types";
import { parseHsTime } from "./validation";
import type { HsProperty } from "./properties";
import { searchView } from "./search-index";

const filterSchema = z.object({
  propertyName: z.string(),
  operator: z.enum([
    "EQ",
    "NEQ",
    "GT",
    "GTE",
    "LT",
    "LTE",
    "IN",
    "NOT_IN",
    "HAS_PROPERTY",
    "NOT_HAS_PROPERTY",
  ]),
  value: z.union([z.string(), z.number(), z.boolean()]).optional(),
  values: z.array(z.union([z.string(), z.number()])).optional(),
});
const searchSchema = z.object({
  filterGroups: z
    .array(z.object({ filters: z.array(filterSchema).max(6) }))
    .max(5)
    .optional(),
  sorts: z
    .array(
      z.union([
        z.string(),
        z.object({
          propertyName: z.string(),
          direction: z.enum(["ASCENDING", "DESCENDING"]).optional(),
        }),
      ]),
    )
    .optional(),
  properties: z.array(z.string()).optional(),
  limit: z.number().int().min(0).optional(),
  after: z.union([z.string(), z.number()]).optional(),
  query: z.string().optional(),
});
type Filter = z.infer<typeof filterSchema>;

export function searchHandlers(store: import("./store").HubSpotStore): RequestHandler[] {
  return [http.post("/crm/v3/objects/:objectType/search", withHsApi(store, search, "search"))];
}

async function search(ctx: HsContext): Promise<Response> {
  const parsed = searchSchema.safeParse(await readJson(ctx.request));
  if (!parsed.success) return hsError(400, "VALIDATION_ERROR", parsed.error.message);
  const body = parsed.data;
  const limit = body.limit ?? 10;
  const after = Number(body.after ?? 0);
  if (limit > HS_CONFIG.searchMaxLimit) {
    return hsError(400, "VALIDATION_ERROR", `limit must be at most ${HS_CONFIG.searchMaxLimit}`);
  }
  if (after + limit > HS_CONFIG.searchMaxTotal) {
    return hsError(
      400,
      "VALIDATION_ERROR",
      `Paging beyond ${HS_CONFIG.searchMaxTotal} results is not supported`,
    );
  }
  const type = ctx.params.objectType ?? "";
  const defs = propertiesOf(ctx.store, ctx.portal.id, type);
  // Search reads an index that lags behind writes (eventual consistency).
  const now = Date.now();
  const visible = liveObjects(ctx.store, ctx.portal.id, type).flatMap(
    (r) => searchView(r, now) ?? [],
  );
  const groups = body.filterGroups ?? [];
  const hits = visible
    .filter(
      (r) => groups.length === 0 || groups.some((g) => g.filters.every((f) => matches(r, f, defs))),
    )
    .filter(
      (r) =>
        !body.query ||
        JSON.stringify(r.properties).toLowerCase().includes(body.query.toLowerCase()),
    );
  sortHits(hits, body.sorts ?? [], defs);

  const page = hits.slice(after, after + limit);
  const next = after + limit;
  return Response.json({
    total: Math.min(hits.length, HS_CONFIG.searchMaxTotal),
    results: page.map((r) => serializeObject(r, body.properties)),
    ...(next < hits.length && next < HS_CONFIG.searchMaxTotal
      ? { paging: { next: { after: String(next) } } }
      : {}),
  });
}

function comparable(value: unknown, def: HsProperty | undefined): number | string | null {
  if (value === null || value === undefined || value === "") return null;
  if (def?.type === "datetime" || def?.type === "date") return parseHsTime(String(value));
  if (def?.type === "number") return Number(value);
  return String(value).toLowerCase();
}

function matches(record: HsRecord, filter: Filter, defs: HsProperty[]): boolean {
  const def = defs.find((d) => d.name === filter.propertyName);
  const actual = comparable(record.properties[filter.propertyName], def);
  const expected = comparable(filter.value, def);
  const list = (filter.values ?? []).map((v) => comparable(v, def));
  switch (filter.operator) {
    case "HAS_PROPERTY":
      return actual !== null;
    case "NOT_HAS_PROPERTY":
      return actual === null;
    case "EQ":
      return actual === expected;
    case "NEQ":
      return actual !== expected;
    case "IN":
      return list.includes(actual);
    case "NOT_IN":
      return !list.includes(actual);
    default:
      return actual !== null && expected !== null && ordered(actual, expected, filter.operator);
  }
}

function ordered(a: number | string, b: number | string, op: string): boolean {
  const diff =
    typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b));
  return op === "GT" ? diff > 0 : op === "GTE" ? diff >= 0 : op === "LT" ? diff < 0 : diff <= 0;
}

function sortHits(
  hits: HsRecord[],
  sorts: z.infer<typeof searchSchema>["sorts"] & object,
  defs: HsProperty[],
) {
  const first = sorts[0];
  const name =
    typeof first === "string" ? first.replace(/^-/, "") : (first?.propertyName ?? "hs_object_id");
  const descending =
    typeof first === "string" ? first.startsWith("-") : first?.direction === "DESCENDING";
  const def = defs.find((d) => d.name === name);
  hits.sort((x, y) => {
    const a = comparable(x.properties[name], def) ?? "";
    const b = comparable(y.properties[name], def) ?? "";
    const diff =
      typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b));
    return descending ? -diff : diff;
  });
}
