import { createHash } from "node:crypto";

import { OAUTH_STATE_TTL_SECONDS } from "@/lib/config/crm-limits";
import { randomToken, sha256Hex } from "@/lib/crypto/hashing";
import { decryptSecret, encryptSecret } from "@/lib/crypto/token-cipher";
import type { OAuthState, PrismaClient } from "@/lib/db/generated/client";

// OAuth state: 32 random bytes, stored only as a hash, single-use (consumed atomically),
// expiring after 15 minutes, bound to the tenant and the admin who started the flow. It also
// carries the PKCE verifier (encrypted) to the callback.

export interface IssuedState {
  state: string;
  codeChallenge: string;
}

export async function issueOAuthState(
  db: PrismaClient,
  input: {
    tenantId: string;
    userId: string;
    crmType: string;
    redirectUri: string;
    loginUrl: string | null;
  },
): Promise<IssuedState> {
  const state = randomToken(32);
  const codeVerifier = randomToken(48);
  await db.oAuthState.create({
    data: {
      ...input,
      stateHash: sha256Hex(state),
      codeVerifierEncrypted: encryptSecret(codeVerifier),
      expiresAt: new Date(Date.now() + OAUTH_STATE_TTL_SECONDS * 1000),
    },
  });
  const codeChallenge = createHash("sha256").update(codeVerifier).digest("base64url");
  return { state, codeChallenge };
}

export type StateProblem = "state_missing" | "state_invalid" | "state_expired" | "state_wrong_user";

export type ConsumedState =
  | { ok: true; row: OAuthState; codeVerifier: string }
  | { ok: false; problem: StateProblem; row?: OAuthState };

/** Marks the state used (once, atomically) and checks it belongs to this user and CRM. */
export async function consumeOAuthState(
  db: PrismaClient,
  input: { state: string | null; crmType: string; userId: string | null },
): Promise<ConsumedState> {
  if (!input.state) return { ok: false, problem: "state_missing" };
  const stateHash = sha256Hex(input.state);
  const { count } = await db.oAuthState.updateMany({
    where: { stateHash, consumedAt: null },
    data: { consumedAt: new Date() },
  });
  const row = count === 1 ? await db.oAuthState.findUnique({ where: { stateHash } }) : null;
  if (!row || row.crmType !== input.crmType) return { ok: false, problem: "state_invalid" };
  if (row.expiresAt.getTime() < Date.now()) return { ok: false, problem: "state_expired", row };
  if (row.userId !== input.userId) return { ok: false, problem: "state_wrong_user", row };
  const codeVerifier = row.codeVerifierEncrypted ? decryptSecret(row.codeVerifierEncrypted) : "";
  return { ok: true, row, codeVerifier };
}
