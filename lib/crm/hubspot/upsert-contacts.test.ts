import { describe, expect, it } from "vitest";

import { existingIdFromConflict } from "@/lib/crm/hubspot/errors";
import { uniqueKeyBatches } from "@/lib/crm/hubspot/upsert-contacts";

describe("uniqueKeyBatches", () => {
  it("never puts the same key twice in one batch and keeps batches within size", () => {
    const items = ["a", "b", "a", "c", "a", "d"].map((key, index) => ({ key, index }));
    const batches = uniqueKeyBatches(items, 2);
    for (const batch of batches) {
      expect(batch.length).toBeLessThanOrEqual(2);
      expect(new Set(batch.map((item) => item.key)).size).toBe(batch.length);
    }
    expect(
      batches
        .flat()
        .map((item) => item.index)
        .sort(),
    ).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe("existingIdFromConflict", () => {
  it.each([
    ["Contact already exists. Existing ID: 901", "901"],
    ["Contact already exists. Existing ID:123456789", "123456789"],
    ["Something else", null],
    [undefined, null],
  ])("%j -> %j", (message, expected) => {
    expect(existingIdFromConflict(message)).toBe(expected);
  });
});
