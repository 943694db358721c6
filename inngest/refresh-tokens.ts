import { inngest } from "@/lib/jobs/inngest-client";
import { getPrisma } from "@/lib/db/client";
import { refreshDueTokens } from "@/lib/integrations/refresh-due-tokens";

/** Refreshes access tokens ahead of expiry (HubSpot's live 30 minutes). */
export const refreshTokens = inngest.createFunction(
  { id: "refresh-tokens", triggers: [{ cron: "*/5 * * * *" }], concurrency: { limit: 1 } },
  async ({ step }) => step.run("refresh-due-tokens", () => refreshDueTokens(getPrisma())),
);
