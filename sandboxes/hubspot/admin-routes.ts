import { http, type RequestHandler } from "msw";
import { z } from "zod";
import { readJson } from "../shared/form";
import { isObjectType } from "./config";
import { createObject, findObject, updateObject } from "./objects";
import {
  clearHubSpotRuntime,
  initialHubSpotState,
  type HubSpotState,
  type HubSpotStore,
} from "./store";
import { hsFaultsSchema } from "./state-types";
import { expireAllHs, revokeAllHs } from "./tokens";
import { deliverEvents, type WebhookEvent } from "./webhooks";

const propsSchema = z.object({
  properties: z.record(z.string(), z.unknown()),
  portalId: z.number().optional(),
});
const webhookSchema = z.object({
  targetUrl: z.url(),
  subscriptions: z
    .array(
      z.union([
        z.string(),
        z.object({ eventType: z.string(), propertyName: z.string().optional() }),
      ]),
    )
    .min(1),
});
const rawEventsSchema = z.object({
  events: z.array(z.record(z.string(), z.unknown())).min(1).max(100),
  timestamp: z.string().regex(/^\d+$/).optional(),
});

// Only the outline of a snapshot is checked; its content comes from this sandbox's own snapshot.
const snapshotShape = z.looseObject({
  portals: z.array(z.unknown()),
  records: z.record(z.string(), z.unknown()),
  faults: z.record(z.string(), z.unknown()),
});

function bad(message: string) {
  return Response.json({ error: "bad_request", message }, { status: 400 });
}

export function hubSpotAdminHandlers(store: HubSpotStore): RequestHandler[] {
  return [
    http.get("/__sandbox/state", () => Response.json(describeState(store))),
    http.post("/__sandbox/reset", () => {
      clearHubSpotRuntime(store);
      store.state = initialHubSpotState();
      return Response.json({ ok: true });
    }),
    http.get("/__sandbox/snapshot", () => Response.json(store.state)),
    http.post("/__sandbox/restore", async ({ request }) => {
      clearHubSpotRuntime(store);
      const snapshot = snapshotShape.safeParse(await readJson(request));
      if (!snapshot.success) return bad("body is not a sandbox snapshot");
      store.state = snapshot.data as unknown as HubSpotState;
      return Response.json({ ok: true });
    }),
    http.get("/__sandbox/requests", () => Response.json(store.state.requests)),
    http.get("/__sandbox/records/:objectType", ({ params }) =>
      Response.json(
        Object.values(store.state.records).filter((r) => r.objectType === params.objectType),
      ),
    ),
    http.post("/__sandbox/records/:objectType", async ({ request, params }) => {
      const body = propsSchema.safeParse(await readJson(request));
      const type = String(params.objectType);
      if (!body.success || !isObjectType(type))
        return bad("properties and a known object type needed");
      const portalId = body.data.portalId ?? store.state.portals[0]?.id ?? 0;
      const result = createObject(store, portalId, type, body.data.properties, "CRM_UI");
      return result.ok
        ? Response.json(result.record, { status: 201 })
        : Response.json(result.failure.body, { status: result.failure.httpStatus });
    }),
    http.post("/__sandbox/records/:objectType/:id", async ({ request, params }) => {
      const body = propsSchema.safeParse(await readJson(request));
      if (!body.success) return bad(body.error.message);
      return userEdit(store, String(params.objectType), String(params.id), body.data.properties);
    }),
    http.post("/__sandbox/faults", async ({ request }) =>
      applyFaults(store, await readJson(request)),
    ),
    http.delete("/__sandbox/faults", () => {
      store.state.faults = {};
      return Response.json({ ok: true });
    }),
    http.post("/__sandbox/webhooks", async ({ request }) =>
      configureWebhooks(store, await readJson(request)),
    ),
    // Removing the app's target URL and subscriptions stops deliveries, queued retries included.
    http.delete("/__sandbox/webhooks", () => {
      store.state.webhooks = null;
      store.runtime.pendingEvents = [];
      return Response.json({ ok: true });
    }),
    http.post("/__sandbox/webhooks/deliver", async ({ request }) => {
      const body = rawEventsSchema.safeParse(await readJson(request));
      if (!body.success) return bad(body.error.message);
      const events = body.data.events.map((e) => ({ eventId: store.state.nextEventId++, ...e }));
      // A fixed timestamp lets tests reproduce case C8 (and stale-timestamp rejection) exactly.
      const delivery = await deliverEvents(store, events as WebhookEvent[], 0, body.data.timestamp);
      return Response.json(delivery);
    }),
    http.get("/__sandbox/deliveries", () => Response.json(store.state.deliveries)),
  ];
}

export function userEdit(
  store: HubSpotStore,
  objectType: string,
  id: string,
  properties: Record<string, unknown>,
): Response {
  const record = Object.values(store.state.records).find(
    (r) => r.objectType === objectType && r.id === id && !r.archived,
  );
  const found = record && findObject(store, record.portalId, objectType, id);
  if (!found) return Response.json({ error: "not_found" }, { status: 404 });
  const result = updateObject(store, found, properties, "CRM_UI");
  return result.ok
    ? Response.json(result.record)
    : Response.json(result.failure.body, { status: result.failure.httpStatus });
}

function configureWebhooks(store: HubSpotStore, body: unknown): Response {
  const parsed = webhookSchema.safeParse(body);
  if (!parsed.success) return bad(parsed.error.message);
  const subscriptions = parsed.data.subscriptions.map((s, i) => ({
    id: 1_000 + i,
    ...(typeof s === "string" ? { eventType: s } : s),
  }));
  store.state.webhooks = { targetUrl: parsed.data.targetUrl, subscriptions };
  return Response.json(store.state.webhooks, { status: 201 });
}

function applyFaults(store: HubSpotStore, body: unknown): Response {
  const parsed = hsFaultsSchema.safeParse(body);
  if (!parsed.success) return bad(parsed.error.message);
  const { revokeAllTokens, expireAllSessions, ...lasting } = parsed.data;
  if (revokeAllTokens) revokeAllHs(store);
  if (expireAllSessions) expireAllHs(store);
  store.state.faults = { ...store.state.faults, ...lasting };
  return Response.json({ ok: true, faults: store.state.faults });
}

function describeState(store: HubSpotStore) {
  const { state } = store;
  return {
    portals: state.portals,
    records: Object.values(state.records),
    associations: state.associations,
    tokens: {
      activeAccessTokens: Object.values(state.accessTokens).filter((t) => t.expiresAt > Date.now())
        .length,
      activeRefreshTokens: Object.values(state.refreshTokens).filter((t) => t.active).length,
    },
    webhooks: state.webhooks,
    deliveries: state.deliveries,
    faults: state.faults,
    requestCount: state.requests.length,
  };
}
