import { NextResponse } from "next/server";

import { crmTypeParam } from "@/lib/api/crm-param";
import { parseJsonBody, withTenantAccess } from "@/lib/api/route-handlers";
import { getPrisma } from "@/lib/db/client";
import {
  fieldMappingBodySchema,
  getFieldMappings,
  saveFieldMappings,
  toApiMappings,
} from "@/lib/integrations/field-mapping-service";

export const GET = withTenantAccess(async (_request, { tenantId, params }) => {
  const crmType = crmTypeParam(params);
  const mappings = await getFieldMappings(getPrisma(), tenantId, crmType);
  return NextResponse.json({ mappings: toApiMappings(crmType, mappings) });
});

export const PUT = withTenantAccess(async (request, { tenantId, params }) => {
  const crmType = crmTypeParam(params);
  const body = await parseJsonBody(request, fieldMappingBodySchema(crmType));
  const mappings = await saveFieldMappings(getPrisma(), tenantId, crmType, body);
  return NextResponse.json({ mappings: toApiMappings(crmType, mappings) });
});
