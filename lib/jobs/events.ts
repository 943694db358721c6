import { eventType } from "inngest";
import { z } from "zod";

/** An outbox entry is ready to be synced to the tenant's CRM. */
export const leadSyncRequested = eventType("crm/lead.sync-requested", {
  schema: z.object({ outboxId: z.uuid(), tenantId: z.uuid() }),
});
