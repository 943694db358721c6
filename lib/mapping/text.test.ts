import { describe, expect, it } from "vitest";

import { truncateCodePoints } from "@/lib/mapping/text";

describe("truncateCodePoints", () => {
  it.each([
    ["abcdef", 3, "abc"],
    ["山田製作所株式会社", 4, "山田製作"],
    ["𠮷野家の牛丼", 2, "𠮷野"],
    ["😀😀😀", 1, "😀"],
    ["short", 10, "short"],
  ])("%j to %i code points is %j", (text, max, expected) => {
    const result = truncateCodePoints(text, max);
    expect(result).toBe(expected);
    expect(result.isWellFormed()).toBe(true);
  });
});
