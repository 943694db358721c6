import { NextResponse } from "next/server";
import { z } from "zod";

import { crmTypeParam } from "@/lib/api/crm-param";
import { ApiError } from "@/lib/api/errors";
import { parseJsonBody, withTenantAccess } from "@/lib/api/route-handlers";
import { getPrisma } from "@/lib/db/client";
import { startConnect } from "@/lib/integrations/connect";

const MY_DOMAIN_LOGIN = /^https:\/\/[a-z0-9-]+(\.(sandbox|develop|scratch))?\.my\.salesforce\.com$/;

const connectSchema = z.strictObject({
  redirect_uri: z.string().max(2000).optional(),
  environment: z.enum(["production", "sandbox", "custom"]).optional(),
  login_url: z
    .string()
    .regex(MY_DOMAIN_LOGIN, "login_url must be a My Domain login host")
    .optional(),
});

export const POST = withTenantAccess(async (request, { tenantId, actor, params }) => {
  const crmType = crmTypeParam(params);
  if (actor.type !== "user") {
    throw new ApiError("forbidden", "Connecting a CRM needs a signed-in tenant admin");
  }
  const body = await parseJsonBody(request, connectSchema);
  if (crmType !== "salesforce" && (body.environment || body.login_url)) {
    throw new ApiError("validation_failed", "environment and login_url apply to Salesforce only");
  }
  if (body.environment === "custom" && !body.login_url) {
    throw new ApiError("validation_failed", "login_url is required for a custom login host");
  }
  const { authUrl, state } = await startConnect(getPrisma(), {
    tenantId,
    userId: actor.id,
    crmType,
    redirectUri: body.redirect_uri,
    loginKind: body.environment,
    customLoginUrl: body.login_url,
  });
  return NextResponse.json({ auth_url: authUrl, state });
});
