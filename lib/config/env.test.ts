import { afterEach, describe, expect, it } from "vitest";

import { getEnv, resetEnvCache } from "@/lib/config/env";

const saved = { ...process.env };

afterEach(() => {
  process.env = { ...saved };
  resetEnvCache();
});

describe("getEnv in production", () => {
  function production(overrides: Record<string, string>) {
    process.env = { ...saved, NODE_ENV: "production", ...overrides };
    delete process.env.NEXT_PHASE;
    resetEnvCache();
  }

  it("refuses the development secrets", () => {
    production({});
    delete process.env.NEXTAUTH_SECRET;
    delete process.env.TOKEN_ENCRYPTION_KEYS;
    expect(() => getEnv()).toThrow(
      /NEXTAUTH_SECRET[\s\S]*TOKEN_ENCRYPTION_KEYS|TOKEN_ENCRYPTION_KEYS[\s\S]*NEXTAUTH_SECRET/,
    );
  });

  it("accepts secrets of its own", () => {
    production({
      NEXTAUTH_SECRET: "a-real-secret-of-at-least-16",
      TOKEN_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 3).toString("base64")}`,
    });
    expect(getEnv().NODE_ENV).toBe("production");
  });
});
