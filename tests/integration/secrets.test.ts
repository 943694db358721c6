import { afterAll, beforeAll, expect, it, vi } from "vitest";

import { decryptSecret } from "@/lib/crypto/token-cipher";
import { logger } from "@/lib/logging/logger";
import type { LeadCreateInput } from "@/lib/leads/lead-schemas";
import { insertLead } from "@/lib/leads/lead-service";
import { syncDueEntries } from "@/lib/sync/sync-engine";
import { connectCrm } from "@/tests/support/connect";
import { createTenant, startHarness, type Harness } from "@/tests/support/harness";
import { sandboxRequests, setFaults } from "@/tests/support/sandbox-admin";

// After a full connect / sync / refresh cycle, no token is readable in any database row or in
// anything the app logged.

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ sync: "manual" });
  logger.level = "trace";
});
afterAll(async () => harness?.stop());

async function everyRowAsText(): Promise<string> {
  const tables = await harness.db.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`;
  const dumps: string[] = [];
  for (const { table_name } of tables) {
    const rows = await harness.db.$queryRawUnsafe<{ row: unknown }[]>(
      `SELECT row_to_json(t) AS row FROM "${table_name}" t`,
    );
    dumps.push(JSON.stringify(rows));
  }
  return dumps.join("\n");
}

const lead: LeadCreateInput = {
  name: "中村 翔",
  email: "sho@example.jp",
  company: "中村商店",
  score: 10,
  priority_level: "Cold",
  detected_challenges: [],
};

it.each(["salesforce", "hubspot"] as const)(
  "%s tokens are encrypted at rest and never logged",
  async (crm) => {
    const logged: string[] = [];
    const spy = vi
      .spyOn(process.stdout, "write")
      .mockImplementation((chunk: string | Uint8Array) => {
        logged.push(String(chunk));
        return true;
      });
    try {
      const tenant = await createTenant(harness.db);
      await connectCrm(harness.db, tenant, crm);
      const first = await harness.db.crmIntegration.findUniqueOrThrow({
        where: { tenantId: tenant.tenantId },
      });
      const tokens = [
        decryptSecret(first.accessTokenEncrypted!),
        decryptSecret(first.refreshTokenEncrypted!),
      ];

      const baseUrl =
        crm === "salesforce" ? harness.salesforce.instanceUrl : harness.hubspot.apiUrl;
      await setFaults(baseUrl, { expireAllSessions: true });
      const { entry } = await harness.db.$transaction((tx) =>
        insertLead(tx, tenant.tenantId, lead),
      );
      await syncDueEntries(harness.db, { ids: [entry.id], limit: 1 });
      await setFaults(baseUrl, null);

      const refreshed = await harness.db.crmIntegration.findUniqueOrThrow({
        where: { tenantId: tenant.tenantId },
      });
      tokens.push(
        decryptSecret(refreshed.accessTokenEncrypted!),
        decryptSecret(refreshed.refreshTokenEncrypted!),
      );
      expect(tokens[2]).not.toBe(tokens[0]);
      const grants = (await sandboxRequests(baseUrl)).filter(
        (r) => r.grantType === "refresh_token",
      );
      expect(grants).toHaveLength(1);
      expect(
        (await harness.db.lead.findFirstOrThrow({ where: { tenantId: tenant.tenantId } }))
          .crmSyncStatus,
      ).toBe("synced");

      logger.flush();
      const rows = await everyRowAsText();
      const logs = logged.join("");
      expect(logs).toContain("crm.token.refreshed");
      for (const token of new Set(tokens)) {
        expect(token.length).toBeGreaterThan(8);
        expect(rows).not.toContain(token);
        expect(logs).not.toContain(token);
      }
    } finally {
      spy.mockRestore();
    }
  },
);
