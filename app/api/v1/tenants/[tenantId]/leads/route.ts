import { NextResponse } from "next/server";

import { parseJsonBody, withTenantAccess } from "@/lib/api/route-handlers";
import { getPrisma } from "@/lib/db/client";
import { toLeadResponse } from "@/lib/leads/lead-dto";
import { leadCreateSchema, listLeadsQuerySchema } from "@/lib/leads/lead-schemas";
import { createLead, listLeads } from "@/lib/leads/lead-service";

export const POST = withTenantAccess(async (request, { tenantId }) => {
  const input = await parseJsonBody(request, leadCreateSchema);
  const lead = await createLead(getPrisma(), tenantId, input);
  return NextResponse.json(toLeadResponse(lead), { status: 201 });
});

export const GET = withTenantAccess(async (request, { tenantId }) => {
  const query = listLeadsQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  const page = await listLeads(getPrisma(), tenantId, query);
  return NextResponse.json({ leads: page.leads.map(toLeadResponse), next_cursor: page.nextCursor });
});
