import { inngest } from "@/lib/jobs/inngest-client";
import { getPrisma } from "@/lib/db/client";
import { pollDueIntegrations } from "@/lib/inbound/poll-crm-changes";

/** Status and owner changes made in the CRMs, for integrations whose poll is due. */
export const pollCrmChanges = inngest.createFunction(
  { id: "poll-crm-changes", triggers: [{ cron: "* * * * *" }], concurrency: { limit: 1 } },
  async ({ step }) => step.run("poll-due-integrations", () => pollDueIntegrations(getPrisma())),
);
