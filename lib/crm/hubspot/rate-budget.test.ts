import { describe, expect, it } from "vitest";

import { HUBSPOT_MIN_MS_BETWEEN_REQUESTS } from "@/lib/config/crm-limits";
import { withHubSpotBudget } from "@/lib/crm/hubspot/rate-budget";

describe("withHubSpotBudget", () => {
  it("spaces one portal's requests and does not make another portal wait behind them", async () => {
    const started: { portal: string; at: number }[] = [];
    const call = (portal: string) =>
      withHubSpotBudget(portal, "request", async () => {
        started.push({ portal, at: performance.now() });
      });

    await Promise.all([call("p1"), call("p1"), call("p1"), call("p1"), call("p2")]);

    const p1 = started.filter((s) => s.portal === "p1").map((s) => s.at);
    for (let i = 1; i < p1.length; i += 1) {
      expect(p1[i]! - p1[i - 1]!).toBeGreaterThanOrEqual(HUBSPOT_MIN_MS_BETWEEN_REQUESTS - 5);
    }
    const p2 = started.find((s) => s.portal === "p2")!.at;
    expect(p2).toBeLessThan(p1[2]!);
  });
});
