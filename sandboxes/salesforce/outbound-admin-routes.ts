import { randomUUID } from "node:crypto";
import { http, type RequestHandler } from "msw";
import { z } from "zod";
import { readJson } from "../shared/form";
import { DEFAULT_NOTIFIED_FIELDS, deliver } from "./outbound-dispatcher";
import { fieldsOf, findField } from "./sobjects";
import { orgById, type SalesforceStore } from "./store";

const outboundSchema = z.object({
  orgId: z.string().optional(),
  endpointUrl: z.url(),
  fields: z.array(z.string()).min(1).optional(),
});

function badRequest(message: string): Response {
  return Response.json({ error: "bad_request", message }, { status: 400 });
}

function notFound(): Response {
  return Response.json({ error: "not_found" }, { status: 404 });
}

// Outbound message definitions (Setup > Outbound Messages) and their delivery log.
export function outboundAdminHandlers(store: SalesforceStore): RequestHandler[] {
  return [
    http.post("/__sandbox/outbound-messages", async ({ request }) =>
      defineOutbound(store, await readJson(request)),
    ),
    http.get("/__sandbox/outbound-messages", () => Response.json(store.state.outboundConfigs)),
    http.delete("/__sandbox/outbound-messages", () => {
      store.state.outboundConfigs.forEach((c) => store.runtime.pending.delete(c.id));
      store.state.outboundConfigs = [];
      return Response.json({ ok: true });
    }),
    http.delete("/__sandbox/outbound-messages/:id", ({ params }) => {
      const configs = store.state.outboundConfigs;
      const index = configs.findIndex((c) => c.id === params.id);
      if (index < 0) return notFound();
      configs.splice(index, 1);
      store.runtime.pending.delete(String(params.id));
      return Response.json({ ok: true });
    }),
    http.get("/__sandbox/deliveries", () => Response.json(store.state.deliveries)),
    http.post("/__sandbox/deliveries/:id/redeliver", ({ params }) =>
      redeliver(store, String(params.id)),
    ),
  ];
}

function defineOutbound(store: SalesforceStore, body: unknown): Response {
  const parsed = outboundSchema.safeParse(body);
  if (!parsed.success) return badRequest(parsed.error.message);
  const org = orgById(store, parsed.data.orgId ?? store.state.orgs[0]?.id ?? "");
  if (!org) return badRequest("unknown orgId");

  // Setup only offers the object's own fields, and always sends Id.
  const defs = fieldsOf("Lead", org.leadStatuses) ?? [];
  const requested = parsed.data.fields ?? DEFAULT_NOTIFIED_FIELDS;
  const unknown = requested.find((name) => !findField(defs, name));
  if (unknown) return badRequest(`No such field on Lead: ${unknown}`);
  const names = requested.map((name) => findField(defs, name)?.name ?? name);
  const fields = ["Id", ...new Set(names.filter((name) => name !== "Id"))];

  const config = { id: randomUUID(), orgId: org.id, endpointUrl: parsed.data.endpointUrl, fields };
  store.state.outboundConfigs.push(config);
  return Response.json(config, { status: 201 });
}

async function redeliver(store: SalesforceStore, deliveryId: string): Promise<Response> {
  const previous = store.state.deliveries.find((d) => d.id === deliveryId);
  const config = store.state.outboundConfigs.find((c) => c.id === previous?.configId);
  if (!previous || !config) return notFound();
  const notifications = previous.notificationIds.map((id) => ({
    id,
    fields: store.runtime.sent.get(id) ?? {},
  }));
  return Response.json(await deliver(store, config, notifications, previous.attempt + 1));
}
