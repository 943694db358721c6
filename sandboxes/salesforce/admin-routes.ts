import { http, type RequestHandler } from "msw";
import { z } from "zod";
import { readJson } from "../shared/form";
import { outboundAdminHandlers } from "./outbound-admin-routes";
import { createRecord, updateRecord } from "./records";
import { clearRuntime, initialState, type SalesforceState, type SalesforceStore } from "./store";
import { faultsSchema } from "./state-types";
import { expireAllSessions, revokeAll } from "./tokens";

const userEditSchema = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.boolean(), z.null()]),
);
const seedSchema = z.object({
  orgId: z.string().optional(),
  fields: z.record(z.string(), z.unknown()),
});

// Only the outline of a snapshot is checked; its content comes from this sandbox's own snapshot.
const snapshotShape = z.looseObject({
  orgs: z.array(z.unknown()),
  records: z.record(z.string(), z.unknown()),
  faults: z.record(z.string(), z.unknown()),
});

function badRequest(message: string): Response {
  return Response.json({ error: "bad_request", message }, { status: 400 });
}

export function adminHandlers(store: SalesforceStore): RequestHandler[] {
  return [
    http.get("/__sandbox/state", () => Response.json(describeState(store))),
    http.post("/__sandbox/reset", () => {
      clearRuntime(store);
      store.state = initialState();
      return Response.json({ ok: true });
    }),
    http.get("/__sandbox/snapshot", () => Response.json(store.state)),
    http.post("/__sandbox/restore", async ({ request }) => {
      clearRuntime(store);
      const snapshot = snapshotShape.safeParse(await readJson(request));
      if (!snapshot.success) return badRequest("body is not a sandbox snapshot");
      store.state = snapshot.data as unknown as SalesforceState;
      return Response.json({ ok: true });
    }),
    http.get("/__sandbox/requests", () => Response.json(store.state.requests)),
    http.get("/__sandbox/records/:sobject", ({ params }) =>
      Response.json(
        Object.values(store.state.records)
          .filter((r) => r.sobject === params.sobject)
          .map((r) => ({ orgId: r.orgId, deleted: Boolean(r.deletedAt), ...r.fields })),
      ),
    ),
    http.post("/__sandbox/records/:sobject", async ({ request, params }) => {
      const body = seedSchema.safeParse(await readJson(request));
      if (!body.success) return badRequest(body.error.message);
      const orgId = body.data.orgId ?? store.state.orgs[0]?.id ?? "";
      const result = createRecord(store, orgId, String(params.sobject), body.data.fields);
      return Response.json(result, { status: result.ok ? 201 : 400 });
    }),
    http.post("/__sandbox/records/:sobject/:id", async ({ request, params }) => {
      const body = userEditSchema.safeParse(await readJson(request));
      if (!body.success) return badRequest(body.error.message);
      return userEdit(store, String(params.sobject), String(params.id), body.data);
    }),
    http.post("/__sandbox/faults", async ({ request }) =>
      applyFaults(store, await readJson(request)),
    ),
    http.delete("/__sandbox/faults", () => {
      store.state.faults = {};
      return Response.json({ ok: true });
    }),
    ...outboundAdminHandlers(store),
    http.get("/__sandbox/orgs", () => Response.json(store.state.orgs)),
  ];
}

export function userEdit(
  store: SalesforceStore,
  sobject: string,
  id: string,
  fields: Record<string, unknown>,
): Response {
  const record = store.state.records[id];
  if (!record || record.sobject !== sobject)
    return Response.json({ error: "not_found" }, { status: 404 });
  const result = updateRecord(store, record.orgId, sobject, id, fields, "user");
  return result.ok
    ? Response.json({ ok: true, record: record.fields })
    : Response.json({ ok: false, errors: result.errors }, { status: 400 });
}

function applyFaults(store: SalesforceStore, body: unknown): Response {
  const parsed = faultsSchema.safeParse(body);
  if (!parsed.success) return badRequest(parsed.error.message);
  const { revokeAllTokens, expireAllSessions: expireNow, ...lasting } = parsed.data;
  if (revokeAllTokens) revokeAll(store);
  if (expireNow) expireAllSessions(store);
  store.state.faults = { ...store.state.faults, ...lasting };
  return Response.json({ ok: true, faults: store.state.faults });
}

function describeState(store: SalesforceStore) {
  const { state } = store;
  return {
    orgs: state.orgs,
    records: Object.values(state.records).map((r) => ({
      orgId: r.orgId,
      sobject: r.sobject,
      deleted: Boolean(r.deletedAt),
      ...r.fields,
    })),
    tokens: {
      activeSessions: Object.values(state.sessions).filter((s) => s.expiresAt > Date.now()).length,
      activeRefreshTokens: Object.values(state.refreshTokens).filter((g) => g.active).length,
    },
    outboundConfigs: state.outboundConfigs,
    deliveries: state.deliveries,
    faults: state.faults,
    requestCount: state.requests.length,
  };
}
