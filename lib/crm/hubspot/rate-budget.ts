import Bottleneck from "bottleneck";

import {
  HUBSPOT_MIN_MS_BETWEEN_REQUESTS,
  HUBSPOT_MIN_MS_BETWEEN_SEARCHES,
} from "@/lib/config/crm-limits";

// HubSpot budgets requests per portal (account), not per token: every tenant connected to the
// same portal shares one budget. Spacing requests evenly keeps any rolling 10-second window
// under the limit. The budget is per process; a 429 (other processes, other apps) is still
// handled by the sync engine's back-off.

const requests = new Bottleneck.Group({
  minTime: HUBSPOT_MIN_MS_BETWEEN_REQUESTS,
  maxConcurrent: 10,
});
const searches = new Bottleneck.Group({
  minTime: HUBSPOT_MIN_MS_BETWEEN_SEARCHES,
  maxConcurrent: 1,
});

export function withHubSpotBudget<T>(
  portalId: string,
  kind: "request" | "search",
  call: () => Promise<T>,
): Promise<T> {
  const group = kind === "search" ? searches : requests;
  return group.key(portalId).schedule(call);
}
