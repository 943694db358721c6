import { refreshHubSpotToken } from "@/lib/crm/hubspot/oauth";
import type { CrmTokenSet } from "@/lib/crm/oauth-types";
import { refreshSalesforceToken } from "@/lib/crm/salesforce/oauth";
import type { CrmType } from "@/lib/crm/types";

/** Asks the CRM for new tokens; Salesforce refreshes at the login host the org connected with. */
export function requestTokenRefresh(
  integration: { crmType: string; loginUrl: string | null },
  refreshToken: string,
): Promise<CrmTokenSet> {
  const crmType = integration.crmType as CrmType;
  if (crmType === "salesforce") {
    if (!integration.loginUrl) throw new Error("Salesforce integration has no login URL");
    return refreshSalesforceToken(integration.loginUrl, refreshToken);
  }
  return refreshHubSpotToken(refreshToken);
}
