import { NextResponse } from "next/server";
import { z } from "zod";

import { notFound } from "@/lib/api/errors";
import { parseJsonBody, withTenantAccess } from "@/lib/api/route-handlers";
import { getPrisma } from "@/lib/db/client";
import { toLeadResponse } from "@/lib/leads/lead-dto";
import { leadUpdateSchema } from "@/lib/leads/lead-schemas";
import { deleteLead, findLead, updateLead } from "@/lib/leads/lead-service";

function leadIdOf(params: Record<string, unknown>): string {
  const parsed = z.uuid().safeParse(params.leadId);
  if (!parsed.success) throw notFound("Lead");
  return parsed.data;
}

export const GET = withTenantAccess(async (_request, { tenantId, params }) => {
  const lead = await findLead(getPrisma(), tenantId, leadIdOf(params));
  return NextResponse.json(toLeadResponse(lead));
});

export const PATCH = withTenantAccess(async (request, { tenantId, params }) => {
  const leadId = leadIdOf(params);
  const input = await parseJsonBody(request, leadUpdateSchema);
  const lead = await updateLead(getPrisma(), tenantId, leadId, input);
  return NextResponse.json(toLeadResponse(lead));
});

export const DELETE = withTenantAccess(async (_request, { tenantId, params }) => {
  await deleteLead(getPrisma(), tenantId, leadIdOf(params));
  return new NextResponse(null, { status: 204 });
});
