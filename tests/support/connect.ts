import type { CrmType } from "@/lib/crm/types";
import type { PrismaClient } from "@/lib/db/generated/client";
import { completeConnect } from "@/lib/integrations/complete-connect";
import { startConnect } from "@/lib/integrations/connect";
import type { SalesforceLoginKind } from "@/lib/crm/salesforce/oauth";
import { answerConsent } from "@/tests/support/oauth-consent";
import type { TestTenant } from "@/tests/support/harness";

/** The whole OAuth connect flow against a sandbox: start, consent, callback. */
export async function connectCrm(
  db: PrismaClient,
  tenant: TestTenant,
  crmType: CrmType,
  loginKind: SalesforceLoginKind = "production",
): Promise<{ authUrl: string; landing: string }> {
  const { authUrl } = await startConnect(db, {
    tenantId: tenant.tenantId,
    userId: tenant.userId,
    crmType,
    loginKind,
  });
  const redirect = await answerConsent(authUrl);
  const landing = await completeConnect(db, {
    crmType,
    code: redirect.searchParams.get("code"),
    state: redirect.searchParams.get("state"),
    error: redirect.searchParams.get("error"),
    userId: tenant.userId,
  });
  return { authUrl, landing };
}
