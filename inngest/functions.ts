import { pollCrmChanges } from "@/inngest/poll-crm-changes";
import { refreshTokens } from "@/inngest/refresh-tokens";
import { relayOutbox } from "@/inngest/relay-outbox";
import { syncLeads } from "@/inngest/sync-leads";

/** Every function the serve route registers with Inngest. */
export const inngestFunctions = [syncLeads, relayOutbox, refreshTokens, pollCrmChanges];
