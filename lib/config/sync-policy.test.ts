import { describe, expect, it } from "vitest";

import { retryDelayMs } from "@/lib/config/sync-policy";

describe("retryDelayMs", () => {
  it("grows exponentially within jitter bounds and is capped", () => {
    expect(retryDelayMs(1, () => 0)).toBe(1_000);
    expect(retryDelayMs(1, () => 1)).toBe(2_000);
    expect(retryDelayMs(4, () => 1)).toBe(16_000);
    expect(retryDelayMs(50, () => 1)).toBe(30 * 60_000);
  });
});
