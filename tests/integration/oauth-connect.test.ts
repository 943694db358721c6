import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { resetEnvCache } from "@/lib/config/env";
import { sha256Hex } from "@/lib/crypto/hashing";
import { decryptSecret, sealedKeyId } from "@/lib/crypto/token-cipher";
import { completeConnect } from "@/lib/integrations/complete-connect";
import { startConnect } from "@/lib/integrations/connect";
import { disconnectIntegration } from "@/lib/integrations/disconnect";
import { reencryptSecrets } from "@/lib/integrations/reencrypt-secrets";
import { getSyncStatus } from "@/lib/integrations/sync-status";
import { insertLead } from "@/lib/leads/lead-service";
import { syncDueEntries } from "@/lib/sync/sync-engine";
import { connectCrm } from "@/tests/support/connect";
import { createTenant, startHarness, type Harness, type TestTenant } from "@/tests/support/harness";
import { answerConsent } from "@/tests/support/oauth-consent";
import { sandboxRequests } from "@/tests/support/sandbox-admin";

// Connect, callback failures, sandbox orgs (C12), disconnect and key rotation.

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ sync: "manual" });
});
afterAll(async () => harness?.stop());

async function begin(tenant: TestTenant, crmType: "salesforce" | "hubspot" = "salesforce") {
  return startConnect(harness.db, { tenantId: tenant.tenantId, userId: tenant.userId, crmType });
}

describe("connect", () => {
  it("C12: a Salesforce sandbox org authorizes at the test login host and calls its instance", async () => {
    const tenant = await createTenant(harness.db);
    const { authUrl } = await connectCrm(harness.db, tenant, "salesforce", "sandbox");
    expect(new URL(authUrl).origin).toBe(harness.salesforce.testLoginUrl);
    const integration = await harness.db.crmIntegration.findUniqueOrThrow({
      where: { tenantId: tenant.tenantId },
    });
    expect(integration).toMatchObject({
      loginUrl: harness.salesforce.testLoginUrl,
      instanceUrl: harness.salesforce.instanceUrl,
    });

    const { entry } = await harness.db.$transaction((tx) =>
      insertLead(tx, tenant.tenantId, {
        name: "Test User",
        company: "Sandbox Co",
        score: 1,
        priority_level: "Cold",
        detected_challenges: [],
      }),
    );
    await syncDueEntries(harness.db, { ids: [entry.id], limit: 1 });
    expect(
      (await harness.db.lead.findFirstOrThrow({ where: { tenantId: tenant.tenantId } }))
        .crmSyncStatus,
    ).toBe("synced");
    const apiCalls = (await sandboxRequests(harness.salesforce.instanceUrl)).filter((r) =>
      r.path.startsWith("/services/data"),
    );
    expect(apiCalls.length).toBeGreaterThan(0);
    expect(apiCalls.every((r) => (r as { host?: string }).host === "instance")).toBe(true);
  });

  it("stores the state only as a hash, with the PKCE challenge on the authorize URL", async () => {
    const tenant = await createTenant(harness.db);
    const { authUrl, state } = await begin(tenant);
    const url = new URL(authUrl);
    expect(url.searchParams.get("state")).toBe(state);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(Buffer.from(state, "base64url").length).toBeGreaterThanOrEqual(32);
    const row = await harness.db.oAuthState.findUniqueOrThrow({
      where: { stateHash: sha256Hex(state) },
    });
    expect(JSON.stringify(row)).not.toContain(state);
  });

  it("refuses a second CRM while one is connected", async () => {
    const tenant = await createTenant(harness.db);
    await connectCrm(harness.db, tenant, "hubspot");
    await expect(begin(tenant, "salesforce")).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("callback failures store nothing and say why", () => {
  type Scenario = [
    string,
    (tenant: TestTenant) => Promise<Parameters<typeof completeConnect>[1]>,
    string,
  ];
  const scenarios: Scenario[] = [
    [
      "no state",
      async () => ({ crmType: "salesforce", code: "x", state: null, error: null, userId: null }),
      "state_missing",
    ],
    [
      "an unknown state",
      async (t) => ({
        crmType: "salesforce",
        code: "x",
        state: "forged",
        error: null,
        userId: t.userId,
      }),
      "state_invalid",
    ],
    [
      "the admin denied access",
      async (t) => {
        const { authUrl } = await begin(t);
        const back = await answerConsent(authUrl, "deny");
        return {
          crmType: "salesforce",
          code: null,
          state: back.searchParams.get("state"),
          error: back.searchParams.get("error"),
          userId: t.userId,
        };
      },
      "denied",
    ],
    [
      "another user's state",
      async (t) => {
        const { authUrl } = await begin(t);
        const back = await answerConsent(authUrl);
        return {
          crmType: "salesforce",
          code: back.searchParams.get("code"),
          state: back.searchParams.get("state"),
          error: null,
          userId: "00000000-0000-4000-8000-000000000000",
        };
      },
      "state_wrong_user",
    ],
    [
      "an expired state",
      async (t) => {
        const { authUrl, state } = await begin(t);
        const back = await answerConsent(authUrl);
        await harness.db.oAuthState.update({
          where: { stateHash: sha256Hex(state) },
          data: { expiresAt: new Date(Date.now() - 1000) },
        });
        return {
          crmType: "salesforce",
          code: back.searchParams.get("code"),
          state,
          error: null,
          userId: t.userId,
        };
      },
      "state_expired",
    ],
    [
      "a refused code",
      async (t) => {
        const { state } = await begin(t);
        return {
          crmType: "salesforce",
          code: "not-a-real-code",
          state,
          error: null,
          userId: t.userId,
        };
      },
      "exchange_failed",
    ],
    [
      "a state for another CRM",
      async (t) => {
        const { state } = await begin(t, "hubspot");
        return { crmType: "salesforce", code: "x", state, error: null, userId: t.userId };
      },
      "state_invalid",
    ],
  ];

  it.each(scenarios)("%s", async (_name, arrange, problem) => {
    const tenant = await createTenant(harness.db);
    const input = await arrange(tenant);
    const landing = await completeConnect(harness.db, input);
    expect(new URL(landing, "http://x").searchParams.get("error")).toBe(problem);
    expect(await harness.db.crmIntegration.count({ where: { tenantId: tenant.tenantId } })).toBe(0);
  });

  it("a state works once: replaying a successful callback is refused", async () => {
    const tenant = await createTenant(harness.db);
    const { authUrl } = await begin(tenant);
    const back = await answerConsent(authUrl);
    const input = {
      crmType: "salesforce" as const,
      code: back.searchParams.get("code"),
      state: back.searchParams.get("state"),
      error: null,
      userId: tenant.userId,
    };
    expect(await completeConnect(harness.db, input)).toContain("connected=1");
    const before = await harness.db.crmIntegration.findUniqueOrThrow({
      where: { tenantId: tenant.tenantId },
    });
    expect(await completeConnect(harness.db, input)).toContain("error=state_invalid");
    expect(
      await harness.db.crmIntegration.findUniqueOrThrow({ where: { tenantId: tenant.tenantId } }),
    ).toEqual(before);
  });

  it("an unreachable CRM stores nothing", async () => {
    const tenant = await createTenant(harness.db);
    const { state } = await startConnect(harness.db, {
      tenantId: tenant.tenantId,
      userId: tenant.userId,
      crmType: "salesforce",
    });
    await harness.db.oAuthState.update({
      where: { stateHash: sha256Hex(state) },
      data: { loginUrl: "http://127.0.0.1:9" },
    });
    const landing = await completeConnect(harness.db, {
      crmType: "salesforce",
      code: "x",
      state,
      error: null,
      userId: tenant.userId,
    });
    expect(landing).toContain("error=exchange_failed");
    expect(await harness.db.crmIntegration.count({ where: { tenantId: tenant.tenantId } })).toBe(0);
  });
});

describe("disconnect", () => {
  it.each(["salesforce", "hubspot"] as const)(
    "%s: revokes at the CRM, wipes tokens, keeps history",
    async (crm) => {
      const tenant = await createTenant(harness.db);
      await connectCrm(harness.db, tenant, crm);
      const { entry } = await harness.db.$transaction((tx) =>
        insertLead(tx, tenant.tenantId, {
          name: "履歴 保持",
          company: "X",
          score: 1,
          priority_level: "Cold",
          detected_challenges: [],
        }),
      );
      await syncDueEntries(harness.db, { ids: [entry.id], limit: 1 });

      const connected = await harness.db.crmIntegration.findUniqueOrThrow({
        where: { tenantId: tenant.tenantId },
      });
      const refreshToken = decryptSecret(connected.refreshTokenEncrypted!);

      const result = await disconnectIntegration(harness.db, tenant.tenantId, crm, tenant.userId);

      expect(result.revoked).toBe(true);
      // The CRM itself no longer honours the refresh token.
      const tokenUrl =
        crm === "salesforce"
          ? `${harness.salesforce.loginUrl}/services/oauth2/token`
          : `${harness.hubspot.apiUrl}/oauth/v1/token`;
      const client =
        crm === "salesforce"
          ? { client_id: "diagnoleads-sf-client", client_secret: "diagnoleads-sf-secret" }
          : { client_id: "diagnoleads-hs-client", client_secret: "diagnoleads-hs-secret" };
      const retry = await fetch(tokenUrl, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          grant_type: "refresh_token",
          refresh_token: refreshToken,
          ...client,
        }),
      });
      expect(retry.status).toBe(400);
      const row = await harness.db.crmIntegration.findUniqueOrThrow({
        where: { tenantId: tenant.tenantId },
      });
      expect(row).toMatchObject({
        authStatus: "disconnected",
        accessTokenEncrypted: null,
        refreshTokenEncrypted: null,
      });
      expect(await harness.db.crmSyncLog.count({ where: { integrationId: row.id } })).toBe(1);
      expect((await getSyncStatus(harness.db, tenant.tenantId, crm)).health_status).toBe(
        "disconnected",
      );
      const audit = await harness.db.auditLog.findFirst({
        where: { tenantId: tenant.tenantId, action: "integration.disconnected" },
      });
      expect(audit?.details).toMatchObject({ revokedAtCrm: true });
      // Connecting again (here: the same CRM) works after a disconnect.
      expect((await connectCrm(harness.db, tenant, crm)).landing).toContain("connected=1");
    },
  );
});

describe("key rotation", () => {
  it("re-encrypts every token with the newest key; the old key can then be dropped", async () => {
    const tenant = await createTenant(harness.db);
    await connectCrm(harness.db, tenant, "hubspot");
    const before = await harness.db.crmIntegration.findUniqueOrThrow({
      where: { tenantId: tenant.tenantId },
    });
    const token = decryptSecret(before.accessTokenEncrypted!);
    const oldKeys = process.env.TOKEN_ENCRYPTION_KEYS;
    const newKey = `k2026:${Buffer.alloc(32, 7).toString("base64")}`;
    try {
      process.env.TOKEN_ENCRYPTION_KEYS = `${newKey},${oldKeys ?? "dev1:ZGV2LW9ubHkta2V5LWRvLW5vdC11c2UtaW4tcHJvZCE="}`;
      resetEnvCache();
      const result = await reencryptSecrets(harness.db);
      expect(result.integrations).toBeGreaterThanOrEqual(1);
      const after = await harness.db.crmIntegration.findUniqueOrThrow({
        where: { tenantId: tenant.tenantId },
      });
      expect(sealedKeyId(after.accessTokenEncrypted!)).toBe("k2026");
      expect(sealedKeyId(after.refreshTokenEncrypted!)).toBe("k2026");
      expect((await reencryptSecrets(harness.db)).integrations).toBe(0);

      process.env.TOKEN_ENCRYPTION_KEYS = newKey;
      resetEnvCache();
      expect(decryptSecret(after.accessTokenEncrypted!)).toBe(token);
    } finally {
      if (oldKeys === undefined) delete process.env.TOKEN_ENCRYPTION_KEYS;
      else process.env.TOKEN_ENCRYPTION_KEYS = oldKeys;
      resetEnvCache();
    }
  });
});
