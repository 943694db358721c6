import { http, type RequestHandler } from "msw";
import { z } from "zod";
import { readJson } from "../shared/form";
import { withHsApi, type HsContext } from "./api-guard";
import { associateInline, inlineAssociationsSchema } from "./associations";
import { isObjectType } from "./config";
import { hsError, objectNotFound } from "./errors";
import {
  archiveObject,
  createObject,
  findObject,
  liveObjects,
  serializeObject,
  serializeWritten,
  updateObject,
} from "./objects";
import type { HubSpotStore } from "./store";

const BASE = "/crm/v3/objects/:objectType";
const createBody = z.object({
  properties: z.record(z.string(), z.unknown()),
  associations: inlineAssociationsSchema.optional(),
});
const updateBody = z.object({ properties: z.record(z.string(), z.unknown()) });

export function objectHandlers(store: HubSpotStore): RequestHandler[] {
  const api = (fn: (ctx: HsContext) => Response | Promise<Response>) => withHsApi(store, fn);
  return [
    http.get(BASE, api(list)),
    http.post(BASE, api(create)),
    http.get(`${BASE}/:id`, api(read)),
    http.patch(`${BASE}/:id`, api(update)),
    http.delete(`${BASE}/:id`, api(archive)),
  ];
}

export function objectTypeOf(ctx: HsContext) {
  const type = ctx.params.objectType ?? "";
  return isObjectType(type) ? type : null;
}

export function invalidBody(message: string): Response {
  return hsError(400, "VALIDATION_ERROR", `Invalid input JSON on line 1: ${message}`);
}

export function propertyList(url: string): string[] {
  const params = new URL(url).searchParams;
  return params
    .getAll("properties")
    .flatMap((p) => p.split(","))
    .map((p) => p.trim())
    .filter(Boolean);
}

function list(ctx: HsContext): Response {
  const type = objectTypeOf(ctx);
  if (!type)
    return hsError(
      400,
      "VALIDATION_ERROR",
      `Unable to infer object type from: ${ctx.params.objectType}`,
    );
  const query = new URL(ctx.request.url).searchParams;
  const limit = Math.min(Number(query.get("limit") ?? 10), 100);
  const after = Number(query.get("after") ?? 0);
  const all = liveObjects(ctx.store, ctx.portal.id, type)
    .sort((a, b) => Number(a.id) - Number(b.id))
    .filter((r) => Number(r.id) > after);
  const page = all.slice(0, limit);
  const last = page[page.length - 1];
  return Response.json({
    results: page.map((r) => serializeObject(r, propertyList(ctx.request.url))),
    ...(all.length > limit && last ? { paging: { next: { after: last.id } } } : {}),
  });
}

async function create(ctx: HsContext): Promise<Response> {
  const type = objectTypeOf(ctx);
  if (!type)
    return hsError(
      400,
      "VALIDATION_ERROR",
      `Unable to infer object type from: ${ctx.params.objectType}`,
    );
  const body = createBody.safeParse(await readJson(ctx.request));
  if (!body.success) return invalidBody(body.error.message);

  const result = createObject(ctx.store, ctx.portal.id, type, body.data.properties);
  if (!result.ok) return Response.json(result.failure.body, { status: result.failure.httpStatus });
  const problem = body.data.associations
    ? associateInline(ctx.store, ctx.portal.id, type, result.record.id, body.data.associations)
    : null;
  if (problem) {
    result.record.archived = true;
    return hsError(400, "VALIDATION_ERROR", problem);
  }
  return Response.json(serializeWritten(result.record), { status: 201 });
}

function read(ctx: HsContext): Response {
  const type = objectTypeOf(ctx) ?? "";
  const idProperty = new URL(ctx.request.url).searchParams.get("idProperty") ?? undefined;
  const record = findObject(ctx.store, ctx.portal.id, type, ctx.params.id ?? "", idProperty);
  if (!record) return objectNotFound(ctx.params.id ?? "");
  return Response.json(serializeObject(record, propertyList(ctx.request.url)));
}

async function update(ctx: HsContext): Promise<Response> {
  const type = objectTypeOf(ctx) ?? "";
  const idProperty = new URL(ctx.request.url).searchParams.get("idProperty") ?? undefined;
  const record = findObject(ctx.store, ctx.portal.id, type, ctx.params.id ?? "", idProperty);
  if (!record) return objectNotFound(ctx.params.id ?? "");
  const body = updateBody.safeParse(await readJson(ctx.request));
  if (!body.success) return invalidBody(body.error.message);

  const result = updateObject(ctx.store, record, body.data.properties);
  if (!result.ok) return Response.json(result.failure.body, { status: result.failure.httpStatus });
  return Response.json(serializeWritten(result.record));
}

function archive(ctx: HsContext): Response {
  const record = findObject(ctx.store, ctx.portal.id, objectTypeOf(ctx) ?? "", ctx.params.id ?? "");
  if (record) archiveObject(ctx.store, record);
  return new Response(null, { status: 204 });
}
