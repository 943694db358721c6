import { decryptSecret, encryptSecret, parseKeyRing, sealedKeyId } from "@/lib/crypto/token-cipher";
import { getEnv } from "@/lib/config/env";
import type { PrismaClient } from "@/lib/db/generated/client";

// Key rotation: put the new key first in TOKEN_ENCRYPTION_KEYS (keep the old ones after it),
// deploy, run this, then remove the old keys. Rows already on the newest key are left alone.

function rewrap(sealed: string | null, primaryKeyId: string): string | null {
  if (!sealed || sealedKeyId(sealed) === primaryKeyId) return null;
  return encryptSecret(decryptSecret(sealed));
}

export async function reencryptSecrets(
  db: PrismaClient,
): Promise<{ integrations: number; states: number }> {
  const { primaryKeyId } = parseKeyRing(getEnv().TOKEN_ENCRYPTION_KEYS);
  let integrations = 0;
  for (const row of await db.crmIntegration.findMany()) {
    const access = rewrap(row.accessTokenEncrypted, primaryKeyId);
    const refresh = rewrap(row.refreshTokenEncrypted, primaryKeyId);
    if (!access && !refresh) continue;
    // Only if unchanged since read: a concurrent refresh already wrote with the newest key.
    const { count } = await db.crmIntegration.updateMany({
      where: {
        id: row.id,
        accessTokenEncrypted: row.accessTokenEncrypted,
        refreshTokenEncrypted: row.refreshTokenEncrypted,
      },
      data: {
        ...(access ? { accessTokenEncrypted: access } : {}),
        ...(refresh ? { refreshTokenEncrypted: refresh } : {}),
      },
    });
    integrations += count;
  }
  let states = 0;
  const open = await db.oAuthState.findMany({
    where: { consumedAt: null, codeVerifierEncrypted: { not: null } },
  });
  for (const row of open) {
    const verifier = rewrap(row.codeVerifierEncrypted, primaryKeyId);
    if (!verifier) continue;
    await db.oAuthState.update({
      where: { id: row.id },
      data: { codeVerifierEncrypted: verifier },
    });
    states += 1;
  }
  return { integrations, states };
}
