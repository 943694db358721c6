import { NextResponse } from "next/server";

import { crmTypeParam } from "@/lib/api/crm-param";
import { ApiError, notFound } from "@/lib/api/errors";
import { withTenantAccess } from "@/lib/api/route-handlers";
import { getPrisma } from "@/lib/db/client";
import { issueOutboundMessageUrl } from "@/lib/inbound/outbound-message-url";

/** A new Salesforce outbound-message endpoint URL, shown once (the old one stops working). */
export const POST = withTenantAccess(async (_request, { tenantId, actor, params }) => {
  if (crmTypeParam(params) !== "salesforce")
    throw notFound("Outbound messages exist only for Salesforce");
  if (actor.type !== "user") throw new ApiError("forbidden", "Needs a signed-in tenant admin");
  const url = await issueOutboundMessageUrl(getPrisma(), tenantId, actor.id);
  return NextResponse.json({ url });
});
