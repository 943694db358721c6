import type { PrismaClient } from "@/lib/db/generated/client";
import { randomToken, sha256Hex } from "@/lib/crypto/hashing";

const KEY_PREFIX = "dl_live_";

export interface IssuedApiKey {
  id: string;
  /** The full key: shown once, never stored. */
  key: string;
}

export async function issueApiKey(
  db: PrismaClient,
  tenantId: string,
  name: string,
): Promise<IssuedApiKey> {
  const key = `${KEY_PREFIX}${randomToken(32)}`;
  const row = await db.apiKey.create({
    data: { tenantId, name, prefix: key.slice(0, 12), keyHash: sha256Hex(key) },
  });
  return { id: row.id, key };
}

/** The tenant an active key belongs to, or null. Lookup is by hash: no timing on the secret. */
export async function authenticateApiKey(
  db: PrismaClient,
  key: string,
): Promise<{ apiKeyId: string; tenantId: string } | null> {
  if (!key.startsWith(KEY_PREFIX)) return null;
  const row = await db.apiKey.findUnique({ where: { keyHash: sha256Hex(key) } });
  if (!row || row.revokedAt) return null;
  await db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  return { apiKeyId: row.id, tenantId: row.tenantId };
}
