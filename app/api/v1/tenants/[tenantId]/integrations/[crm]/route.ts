import { NextResponse } from "next/server";

import { crmTypeParam } from "@/lib/api/crm-param";
import { ApiError } from "@/lib/api/errors";
import { withTenantAccess } from "@/lib/api/route-handlers";
import { getPrisma } from "@/lib/db/client";
import { disconnectIntegration } from "@/lib/integrations/disconnect";

/** Disconnect: revoke the CRM tokens, wipe them, keep the sync history. */
export const DELETE = withTenantAccess(async (_request, { tenantId, actor, params }) => {
  if (actor.type !== "user") {
    throw new ApiError("forbidden", "Disconnecting a CRM needs a signed-in tenant admin");
  }
  const crmType = crmTypeParam(params);
  const result = await disconnectIntegration(getPrisma(), tenantId, crmType, actor.id);
  return NextResponse.json({ disconnected: true, revoked_at_crm: result.revoked });
});
