import { HubSpotClient } from "@/lib/crm/hubspot/client";
import { SalesforceClient } from "@/lib/crm/salesforce/client";
import type { CrmClient } from "@/lib/crm/types";
import type { PrismaClient } from "@/lib/db/generated/client";
import { createCrmSession } from "@/lib/integrations/token-manager";

export function createCrmClient(
  db: PrismaClient,
  integration: {
    id: string;
    crmType: string;
    instanceUrl: string | null;
    externalAccountId: string | null;
  },
): CrmClient {
  const session = createCrmSession(db, integration.id);
  if (integration.crmType === "salesforce") {
    if (!integration.instanceUrl) throw new Error("Salesforce integration has no instance URL");
    return new SalesforceClient(session, integration.instanceUrl);
  }
  if (integration.crmType === "hubspot") {
    return new HubSpotClient(session, integration.externalAccountId ?? integration.id);
  }
  throw new Error(`Unknown CRM type ${integration.crmType}`);
}
