import { NextResponse } from "next/server";
import { z } from "zod";

import { notFound } from "@/lib/api/errors";
import { parseJsonBody, withTenantAccess } from "@/lib/api/route-handlers";
import { getPrisma } from "@/lib/db/client";
import { assessmentResponseSchema } from "@/lib/leads/lead-schemas";
import { recordAssessmentResponse } from "@/lib/leads/lead-service";

export const POST = withTenantAccess(async (request, { tenantId, params }) => {
  const leadId = z.uuid().safeParse(params.leadId);
  if (!leadId.success) throw notFound("Lead");
  const input = await parseJsonBody(request, assessmentResponseSchema);
  const response = await recordAssessmentResponse(getPrisma(), tenantId, leadId.data, input);
  return NextResponse.json(
    {
      id: response.id,
      lead_id: response.leadId,
      assessment_name: response.assessmentName,
      score: response.score,
      completed_at: response.completedAt.toISOString(),
    },
    { status: 201 },
  );
});
