import { randomBytes } from "node:crypto";

import { describe, expect, it } from "vitest";

import { decryptSecret, encryptSecret, parseKeyRing, sealedKeyId } from "@/lib/crypto/token-cipher";

const key = () => randomBytes(32).toString("base64");

describe("token cipher", () => {
  it("round-trips UTF-8 and never contains the plaintext", () => {
    const ring = parseKeyRing(`k1:${key()}`);
    const sealed = encryptSecret("00Dxx!トークン", ring);
    expect(sealed).not.toContain("00Dxx");
    expect(decryptSecret(sealed, ring)).toBe("00Dxx!トークン");
    expect(encryptSecret("same", ring)).not.toBe(encryptSecret("same", ring));
  });

  it("encrypts with the first key and decrypts with any configured key (rotation)", () => {
    const oldKey = key();
    const before = parseKeyRing(`old:${oldKey}`);
    const sealed = encryptSecret("refresh-token", before);
    const after = parseKeyRing(`new:${key()},old:${oldKey}`);
    expect(decryptSecret(sealed, after)).toBe("refresh-token");
    expect(sealedKeyId(encryptSecret("x", after))).toBe("new");
  });

  it("rejects tampered ciphertext and unknown keys", () => {
    const ring = parseKeyRing(`k1:${key()}`);
    const parts = encryptSecret("secret", ring).split(".");
    parts[4] = Buffer.from("tampered").toString("base64url");
    expect(() => decryptSecret(parts.join("."), ring)).toThrow();
    expect(() =>
      decryptSecret(encryptSecret("secret", ring), parseKeyRing(`k2:${key()}`)),
    ).toThrow();
  });

  it.each(["", "k1", "k1:short", "bad id:" + Buffer.alloc(32).toString("base64")])(
    "refuses the key ring %j",
    (spec) => expect(() => parseKeyRing(spec)).toThrow(),
  );
});
