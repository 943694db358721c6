import { http, type RequestHandler } from "msw";
import { z } from "zod";
import { readJson } from "../shared/form";
import { withHsApi, type HsContext } from "./api-guard";
import { hsError } from "./errors";
import { findObject } from "./objects";
import type { HubSpotStore } from "./store";

// HUBSPOT_DEFINED association type ids used by the product and its neighbours.
const DEFAULT_TYPES: Record<string, number> = {
  "notes>contacts": 202,
  "contacts>notes": 201,
  "notes>companies": 190,
  "companies>notes": 189,
  "notes>deals": 214,
  "deals>notes": 213,
  "contacts>companies": 279,
  "companies>contacts": 280,
  "contacts>deals": 4,
  "deals>contacts": 3,
};

export const inlineAssociationsSchema = z.array(
  z.object({
    to: z.object({ id: z.union([z.string(), z.number()]) }),
    types: z
      .array(z.object({ associationCategory: z.string(), associationTypeId: z.number() }))
      .min(1),
  }),
);

function typeIdPair(typeId: number): [string, string] | null {
  const entry = Object.entries(DEFAULT_TYPES).find(([, id]) => id === typeId);
  const [from, to] = entry?.[0].split(">") ?? [];
  return from && to ? [from, to] : null;
}

// Returns an error message, or null when every association was stored.
export function associateInline(
  store: HubSpotStore,
  portalId: number,
  fromType: string,
  fromId: string,
  input: z.infer<typeof inlineAssociationsSchema>,
): string | null {
  for (const association of input) {
    for (const type of association.types) {
      const pair = typeIdPair(type.associationTypeId);
      const toId = String(association.to.id);
      if (!pair || pair[0] !== fromType)
        return `association type ${type.associationTypeId} is not valid for ${fromType}`;
      if (!findObject(store, portalId, pair[1], toId)) return `${pair[1]} ${toId} was not found`;
      link(store, portalId, fromType, fromId, pair[1], toId);
    }
  }
  return null;
}

function link(
  store: HubSpotStore,
  portalId: number,
  fromType: string,
  fromId: string,
  toType: string,
  toId: string,
) {
  const forward = DEFAULT_TYPES[`${fromType}>${toType}`] ?? 0;
  const backward = DEFAULT_TYPES[`${toType}>${fromType}`] ?? 0;
  const exists = store.state.associations.some(
    (a) =>
      a.portalId === portalId &&
      a.fromType === fromType &&
      a.fromId === fromId &&
      a.toType === toType &&
      a.toId === toId,
  );
  if (exists) return;
  store.state.associations.push(
    { portalId, fromType, fromId, toType, toId, typeId: forward },
    { portalId, fromType: toType, fromId: toId, toType: fromType, toId: fromId, typeId: backward },
  );
}

export function associationHandlers(store: HubSpotStore): RequestHandler[] {
  const base = "/crm/v4/objects/:fromType/:fromId/associations";
  return [
    http.put(`${base}/default/:toType/:toId`, withHsApi(store, associateDefault)),
    http.put(
      `${base}/:toType/:toId`,
      withHsApi(store, async (ctx) => {
        const body = z
          .array(z.object({ associationCategory: z.string(), associationTypeId: z.number() }))
          .safeParse(await readJson(ctx.request));
        if (!body.success) return hsError(400, "VALIDATION_ERROR", "Invalid association types");
        return associateDefault(ctx);
      }),
    ),
    http.get(`${base}/:toType`, withHsApi(store, listAssociations)),
  ];
}

function associateDefault(ctx: HsContext): Response {
  const { fromType = "", fromId = "", toType = "", toId = "" } = ctx.params;
  const typeId = DEFAULT_TYPES[`${fromType}>${toType}`];
  if (!typeId)
    return hsError(400, "VALIDATION_ERROR", `No default association from ${fromType} to ${toType}`);
  if (!findObject(ctx.store, ctx.portal.id, fromType, fromId))
    return hsError(404, "OBJECT_NOT_FOUND", `${fromType} ${fromId} not found`);
  if (!findObject(ctx.store, ctx.portal.id, toType, toId))
    return hsError(404, "OBJECT_NOT_FOUND", `${toType} ${toId} not found`);
  link(ctx.store, ctx.portal.id, fromType, fromId, toType, toId);
  const spec = { associationCategory: "HUBSPOT_DEFINED", associationTypeId: typeId };
  return Response.json({
    status: "COMPLETE",
    results: [{ from: { id: fromId }, to: { id: toId }, associationSpec: spec }],
    startedAt: new Date().toISOString(),
    completedAt: new Date().toISOString(),
  });
}

function listAssociations(ctx: HsContext): Response {
  const { fromType, fromId, toType } = ctx.params;
  const results = ctx.store.state.associations
    .filter(
      (a) =>
        a.portalId === ctx.portal.id &&
        a.fromType === fromType &&
        a.fromId === fromId &&
        a.toType === toType,
    )
    .map((a) => ({
      toObjectId: Number(a.toId),
      associationTypes: [{ category: "HUBSPOT_DEFINED", typeId: a.typeId, label: null }],
    }));
  return Response.json({ results });
}
