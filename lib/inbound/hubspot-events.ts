import { z } from "zod";

import type { InboundChange } from "@/lib/inbound/apply-crm-changes";

// HubSpot webhook batches: a JSON array of up to 100 events. Only status and owner changes of
// contacts matter here; every other event is acknowledged and ignored.

export const HUBSPOT_WEBHOOK_MAX_BYTES = 1_000_000;

const eventSchema = z.looseObject({
  eventId: z.union([z.number(), z.string()]),
  portalId: z.union([z.number(), z.string()]),
  occurredAt: z.number(),
  subscriptionType: z.string(),
  objectId: z.union([z.number(), z.string()]),
  propertyName: z.string().optional(),
  propertyValue: z.string().nullish(),
});
export const hubSpotEventsSchema = z.array(eventSchema).max(100);

const FIELD_BY_PROPERTY: Record<string, "status" | "ownerId"> = {
  hs_lead_status: "status",
  hubspot_owner_id: "ownerId",
};

/** Changes grouped by portal id. */
export function hubSpotChangesByPortal(events: z.infer<typeof hubSpotEventsSchema>) {
  const byPortal = new Map<string, InboundChange[]>();
  for (const event of events) {
    const field = event.propertyName ? FIELD_BY_PROPERTY[event.propertyName] : undefined;
    if (event.subscriptionType !== "contact.propertyChange" || !field) continue;
    const change: InboundChange = {
      eventKey: `hs:${event.eventId}`,
      crmId: String(event.objectId),
      leadId: null,
      [field]: event.propertyValue || null,
      changedAt: new Date(event.occurredAt),
    };
    const portal = String(event.portalId);
    byPortal.set(portal, [...(byPortal.get(portal) ?? []), change]);
  }
  return byPortal;
}
