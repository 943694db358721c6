import { NextResponse } from "next/server";

import { crmTypeParam } from "@/lib/api/crm-param";
import { withTenantAccess } from "@/lib/api/route-handlers";
import { getPrisma } from "@/lib/db/client";
import { getSyncStatus } from "@/lib/integrations/sync-status";

export const GET = withTenantAccess(async (_request, { tenantId, params }) => {
  return NextResponse.json(await getSyncStatus(getPrisma(), tenantId, crmTypeParam(params)));
});
