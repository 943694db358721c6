import { NextResponse } from "next/server";

import { crmTypeParam } from "@/lib/api/crm-param";
import { withTenantAccess } from "@/lib/api/route-handlers";
import { getPrisma } from "@/lib/db/client";
import { listWritableCrmFields } from "@/lib/integrations/crm-fields";

/** Fields a mapping may target: name, label, type, length, required, picklist options. */
export const GET = withTenantAccess(async (_request, { tenantId, params }) => {
  const fields = await listWritableCrmFields(getPrisma(), tenantId, crmTypeParam(params));
  return NextResponse.json({
    fields: fields.map((field) => ({
      name: field.name,
      label: field.label,
      type: field.type,
      length: field.length,
      required: field.required,
      options: field.options,
    })),
  });
});
