import { NextResponse } from "next/server";

import { crmTypeParam } from "@/lib/api/crm-param";
import { withTenantAccess } from "@/lib/api/route-handlers";
import { getPrisma } from "@/lib/db/client";
import { retryFailedLeads } from "@/lib/integrations/retry-failed";

/** Queue every lead whose last sync failed for another attempt. */
export const POST = withTenantAccess(async (_request, { tenantId, actor, params }) => {
  const result = await retryFailedLeads(getPrisma(), tenantId, crmTypeParam(params), actor.id);
  return NextResponse.json({ queued: result.queued }, { status: 202 });
});
