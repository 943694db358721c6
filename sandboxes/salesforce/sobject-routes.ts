import { http, type RequestHandler } from "msw";
import { notFoundResponse, sfError, sfErrorResponse } from "./errors";
import { describeGlobal, describeSObject } from "./describe";
import { withApi, type ApiContext } from "./api-guard";
import {
  createRecord,
  deleteRecord,
  findRecord,
  updateRecord,
  upsertByExternalId,
} from "./records";
import { readJsonObject, recordUrl, resolveFieldList, serializeRecord } from "./serialize";
import { fieldsOf, findField, SOBJECTS } from "./sobjects";
import { liveRecords, type SalesforceStore } from "./store";
import { deletedRecords } from "./deleted";
import { takeRecordFault } from "./record-faults";

const BASE = "/services/data/:version";

export function sobjectHandlers(store: SalesforceStore): RequestHandler[] {
  const api = (fn: (ctx: ApiContext) => Response | Promise<Response>) => withApi(store, fn);
  return [
    http.get(
      `${BASE}/sobjects`,
      api((ctx) => Response.json(describeGlobal(ctx.version))),
    ),
    http.get(`${BASE}/sobjects/:sobject/describe`, api(describe)),
    http.get(`${BASE}/sobjects/:sobject/deleted`, api(deletedRecords)),
    http.get(`${BASE}/sobjects/:sobject/deleted/`, api(deletedRecords)),
    http.post(`${BASE}/sobjects/:sobject`, api(create)),
    http.get(`${BASE}/sobjects/:sobject/:id`, api(retrieve)),
    http.patch(`${BASE}/sobjects/:sobject/:id`, api(update)),
    http.delete(`${BASE}/sobjects/:sobject/:id`, api(remove)),
    http.get(`${BASE}/sobjects/:sobject/:field/:value`, api(retrieveByExternalId)),
    http.patch(`${BASE}/sobjects/:sobject/:field/:value`, api(upsert)),
  ];
}

function knownSObject(ctx: ApiContext): string | null {
  const name = ctx.params.sobject ?? "";
  return Object.keys(SOBJECTS).find((s) => s.toLowerCase() === name.toLowerCase()) ?? null;
}

function describe(ctx: ApiContext): Response {
  const sobject = knownSObject(ctx);
  const described = sobject ? describeSObject(ctx.org, sobject, ctx.version) : null;
  return described ? Response.json(described) : notFoundResponse();
}

async function create(ctx: ApiContext): Promise<Response> {
  const sobject = knownSObject(ctx);
  if (!sobject) return notFoundResponse();
  const body = await readJsonObject(ctx.request);
  if (!body.ok) return body.response;
  // Record-level DML failures (row locks, duplicate rules) come back as 400 with the error array.
  const fault = takeRecordFault(ctx, sobject, body.value);
  if (fault) return sfErrorResponse(400, [fault]);

  const result = createRecord(ctx.store, ctx.org.id, sobject, body.value);
  if (!result.ok) return sfErrorResponse(400, result.errors);
  return Response.json({ id: result.id, success: true, errors: [] }, { status: 201 });
}

function retrieve(ctx: ApiContext): Response {
  const sobject = knownSObject(ctx);
  const record = sobject ? findRecord(ctx.store, ctx.org.id, sobject, ctx.params.id ?? "") : null;
  if (!sobject || !record) return notFoundResponse();
  return respondWithFields(ctx, sobject, record);
}

function respondWithFields(
  ctx: ApiContext,
  sobject: string,
  record: NonNullable<ReturnType<typeof findRecord>>,
): Response {
  const defs = fieldsOf(sobject, ctx.org.leadStatuses) ?? [];
  const fieldsParam = new URL(ctx.request.url).searchParams.get("fields");
  if (!fieldsParam)
    return Response.json(serializeRecord(record, ctx.version, ctx.org.leadStatuses));

  const resolved = resolveFieldList(defs, fieldsParam);
  if (!resolved.ok) {
    return sfErrorResponse(400, [
      sfError("INVALID_FIELD", `No such column '${resolved.unknown}' on entity '${sobject}'.`),
    ]);
  }
  return Response.json(serializeRecord(record, ctx.version, ctx.org.leadStatuses, resolved.names));
}

async function update(ctx: ApiContext): Promise<Response> {
  const sobject = knownSObject(ctx);
  const id = ctx.params.id ?? "";
  if (!sobject || !findRecord(ctx.store, ctx.org.id, sobject, id)) return notFoundResponse();
  const body = await readJsonObject(ctx.request);
  if (!body.ok) return body.response;
  const fault = takeRecordFault(ctx, sobject, body.value, id);
  if (fault) return sfErrorResponse(400, [fault]);

  const result = updateRecord(ctx.store, ctx.org.id, sobject, id, body.value);
  return result.ok ? new Response(null, { status: 204 }) : sfErrorResponse(400, result.errors);
}

function remove(ctx: ApiContext): Response {
  const sobject = knownSObject(ctx);
  const deleted = sobject && deleteRecord(ctx.store, ctx.org.id, sobject, ctx.params.id ?? "");
  return deleted ? new Response(null, { status: 204 }) : notFoundResponse();
}

function retrieveByExternalId(ctx: ApiContext): Response {
  const sobject = knownSObject(ctx);
  const defs = sobject ? fieldsOf(sobject, ctx.org.leadStatuses) : null;
  const def = defs ? findField(defs, ctx.params.field ?? "") : undefined;
  if (!sobject || !def?.externalId) return notFoundResponse();
  const matches = liveRecords(ctx.store, ctx.org.id, sobject).filter(
    (r) => r.fields[def.name] === ctx.params.value,
  );
  if (matches.length > 1)
    return multipleChoices(
      ctx,
      sobject,
      matches.map((r) => String(r.fields.Id)),
    );
  const match = matches[0];
  return match ? respondWithFields(ctx, sobject, match) : notFoundResponse();
}

async function upsert(ctx: ApiContext): Promise<Response> {
  const sobject = knownSObject(ctx);
  if (!sobject) return notFoundResponse();
  const body = await readJsonObject(ctx.request);
  if (!body.ok) return body.response;
  const fault = takeRecordFault(ctx, sobject, body.value);
  if (fault) return sfErrorResponse(400, [fault]);

  const result = upsertByExternalId(
    ctx.store,
    ctx.org.id,
    sobject,
    ctx.params.field ?? "",
    ctx.params.value ?? "",
    body.value,
  );
  switch (result.kind) {
    case "multiple":
      return multipleChoices(ctx, sobject, result.ids);
    case "invalid":
      return sfErrorResponse(
        result.errors[0]?.errorCode === "NOT_FOUND" ? 404 : 400,
        result.errors,
      );
    default: {
      const created = result.kind === "created";
      return Response.json(
        { id: result.id, success: true, errors: [], created },
        { status: created ? 201 : 200 },
      );
    }
  }
}

// 300 lists the candidates; nothing is written.
function multipleChoices(ctx: ApiContext, sobject: string, ids: string[]): Response {
  return Response.json(
    ids.map((id) => recordUrl(ctx.version, sobject, id)),
    { status: 300 },
  );
}
