import { ApiError } from "@/lib/api/errors";
import type { CrmFieldInfo, CrmType } from "@/lib/crm/types";
import type { PrismaClient } from "@/lib/db/generated/client";
import { createCrmClient } from "@/lib/integrations/crm-client-factory";
import { findIntegration } from "@/lib/integrations/integration-lookup";

/** The CRM's writable lead fields (Salesforce describe / HubSpot properties), live. */
export async function listWritableCrmFields(
  db: PrismaClient,
  tenantId: string,
  crmType: CrmType,
): Promise<CrmFieldInfo[]> {
  const integration = await findIntegration(db, tenantId, crmType);
  if (integration.authStatus !== "connected") {
    throw new ApiError("conflict", "Connect the CRM to read its fields");
  }
  const fields = await createCrmClient(db, integration).listLeadFields();
  return fields.filter((field) => field.writable).sort((a, b) => a.label.localeCompare(b.label));
}
