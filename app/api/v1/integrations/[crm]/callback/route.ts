import { NextResponse } from "next/server";

import { crmTypeParam } from "@/lib/api/crm-param";
import { withPublicAccess } from "@/lib/api/route-handlers";
import { getSignedInUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/config/env";
import { getPrisma } from "@/lib/db/client";
import { completeConnect } from "@/lib/integrations/complete-connect";

// The CRM redirects the admin's browser here; the session cookie says who they are, and the
// state must have been issued to that same admin.
export const GET = withPublicAccess(async (request, { params }) => {
  const crmType = crmTypeParam(params);
  const query = request.nextUrl.searchParams;
  const user = await getSignedInUser();
  const target = await completeConnect(getPrisma(), {
    crmType,
    code: query.get("code"),
    state: query.get("state"),
    error: query.get("error"),
    userId: user?.userId ?? null,
  });
  return NextResponse.redirect(new URL(target, getEnv().APP_URL), 303);
});
