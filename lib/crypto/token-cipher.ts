import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

import { getEnv } from "@/lib/config/env";

// AES-256-GCM (node:crypto) with a key id in every ciphertext, so keys can be rotated:
// the first configured key encrypts, any configured key decrypts.
// Format: v1.<keyId>.<iv b64url>.<tag b64url>.<ciphertext b64url>

const FORMAT_VERSION = "v1";
const IV_BYTES = 12;

export interface KeyRing {
  primaryKeyId: string;
  keys: Map<string, Buffer>;
}

export function parseKeyRing(spec: string): KeyRing {
  const keys = new Map<string, Buffer>();
  let primaryKeyId = "";
  for (const entry of spec
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [keyId, encoded] = entry.split(":");
    const key = Buffer.from(encoded ?? "", "base64");
    if (!keyId || !/^[A-Za-z0-9_-]+$/.test(keyId) || key.length !== 32) {
      throw new Error("TOKEN_ENCRYPTION_KEYS entries must be keyId:base64(32 bytes)");
    }
    keys.set(keyId, key);
    primaryKeyId ||= keyId;
  }
  if (!primaryKeyId) throw new Error("TOKEN_ENCRYPTION_KEYS is empty");
  return { primaryKeyId, keys };
}

function currentKeyRing(): KeyRing {
  return parseKeyRing(getEnv().TOKEN_ENCRYPTION_KEYS);
}

export function encryptSecret(plaintext: string, ring: KeyRing = currentKeyRing()): string {
  const key = ring.keys.get(ring.primaryKeyId) as Buffer;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(ring.primaryKeyId));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), body].map((part) => part.toString("base64url"));
  return [FORMAT_VERSION, ring.primaryKeyId, ...parts].join(".");
}

export function decryptSecret(sealed: string, ring: KeyRing = currentKeyRing()): string {
  const [version, keyId, iv, tag, body] = sealed.split(".");
  const key = keyId ? ring.keys.get(keyId) : undefined;
  if (version !== FORMAT_VERSION || !key || !iv || !tag || body === undefined) {
    throw new Error("Encrypted secret has an unknown format or key id");
  }
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(keyId as string));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  const plain = Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]);
  return plain.toString("utf8");
}

/** The key id a sealed secret was encrypted with (for re-encryption after rotation). */
export function sealedKeyId(sealed: string): string | undefined {
  return sealed.split(".")[1];
}
