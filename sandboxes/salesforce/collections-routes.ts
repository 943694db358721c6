import { http, type RequestHandler } from "msw";
import { z } from "zod";
import { SF_CONFIG } from "./config";
import { sfError, sfErrorResponse } from "./errors";
import { withApi, type ApiContext } from "./api-guard";
import { deleteRecord, findRecord } from "./records";
import { createItem, updateItem, upsertItem, type ItemResult } from "./collection-items";
import { readJsonObject, serializeRecord } from "./serialize";
import type { SalesforceStore } from "./store";

const BASE = "/services/data/:version/composite/sobjects";

const collectionBody = z.object({
  allOrNone: z.boolean().optional(),
  records: z.array(z.record(z.string(), z.unknown())),
});

type ItemOp = (record: Record<string, unknown>) => ItemResult;

export function collectionHandlers(store: SalesforceStore): RequestHandler[] {
  const api = (fn: (ctx: ApiContext) => Response | Promise<Response>) => withApi(store, fn);
  return [
    http.post(
      BASE,
      api((ctx) => runCollection(ctx, (r) => createItem(ctx, r))),
    ),
    http.patch(
      BASE,
      api((ctx) => runCollection(ctx, (r) => updateItem(ctx, r))),
    ),
    http.delete(BASE, api(deleteCollection)),
    http.get(`${BASE}/:sobject`, api(retrieveCollection)),
    http.patch(
      `${BASE}/:sobject/:field`,
      api((ctx) => runCollection(ctx, (r) => upsertItem(ctx, r))),
    ),
  ];
}

async function runCollection(ctx: ApiContext, op: ItemOp): Promise<Response> {
  const json = await readJsonObject(ctx.request);
  if (!json.ok) return json.response;
  const parsed = collectionBody.safeParse(json.value);
  if (!parsed.success) {
    return sfErrorResponse(400, [sfError("JSON_PARSER_ERROR", "records must be an array")]);
  }
  const { records, allOrNone } = parsed.data;
  if (records.length > SF_CONFIG.collectionMaxRecords) {
    return sfErrorResponse(400, [
      sfError(
        "EXCEEDED_ID_LIMIT",
        `record limit reached. cannot submit more than ${SF_CONFIG.collectionMaxRecords} ` +
          "records into this call",
      ),
    ]);
  }
  const before = structuredClone(ctx.store.state.records);
  const results = records.map(op);
  if (allOrNone && results.some((r) => !r.success)) {
    ctx.store.state.records = before;
    return Response.json(results.map(rolledBack));
  }
  return Response.json(results);
}

function rolledBack(result: ItemResult): ItemResult {
  if (!result.success) return { success: false, errors: result.errors };
  return {
    id: result.id,
    success: false,
    errors: [
      {
        statusCode: "ALL_OR_NONE_OPERATION_ROLLED_BACK",
        message:
          "Record rolled back because not all records were valid and the request was using " +
          "AllOrNone header",
        fields: [],
      },
    ],
  };
}

function deleteCollection(ctx: ApiContext): Response {
  const query = new URL(ctx.request.url).searchParams;
  const ids = (query.get("ids") ?? "").split(",").filter(Boolean);
  if (ids.length > SF_CONFIG.collectionMaxRecords) {
    return sfErrorResponse(400, [sfError("EXCEEDED_ID_LIMIT", "too many ids")]);
  }
  const before = structuredClone(ctx.store.state.records);
  const results: ItemResult[] = ids.map((id) =>
    deleteRecord(ctx.store, ctx.org.id, null, id)
      ? { id, success: true, errors: [] }
      : {
          id,
          success: false,
          errors: [{ statusCode: "ENTITY_IS_DELETED", message: "entity is deleted", fields: [] }],
        },
  );
  if (query.get("allOrNone") === "true" && results.some((r) => !r.success)) {
    ctx.store.state.records = before;
    return Response.json(results.map(rolledBack));
  }
  return Response.json(results);
}

function retrieveCollection(ctx: ApiContext): Response {
  const query = new URL(ctx.request.url).searchParams;
  const ids = (query.get("ids") ?? "").split(",").filter(Boolean);
  const fields = (query.get("fields") ?? "")
    .split(",")
    .map((f) => f.trim())
    .filter(Boolean);
  const sobject = ctx.params.sobject ?? "";
  return Response.json(
    ids.map((id) => {
      const record = findRecord(ctx.store, ctx.org.id, sobject, id);
      return record
        ? serializeRecord(
            record,
            ctx.version,
            ctx.org.leadStatuses,
            fields.length ? fields : undefined,
          )
        : null;
    }),
  );
}
