import { ApiError } from "@/lib/api/errors";
import type { CrmType } from "@/lib/crm/types";
import type { PrismaClient } from "@/lib/db/generated/client";

/** The tenant's integration with that CRM, or a 404 (also when the tenant uses another CRM). */
export async function findIntegration(db: PrismaClient, tenantId: string, crmType: CrmType) {
  const integration = await db.crmIntegration.findFirst({ where: { tenantId, crmType } });
  if (!integration) throw new ApiError("not_found", `No ${crmType} integration for this tenant`);
  return integration;
}
