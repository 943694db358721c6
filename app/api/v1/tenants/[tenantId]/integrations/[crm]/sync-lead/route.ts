import { NextResponse } from "next/server";
import { z } from "zod";

import { crmTypeParam } from "@/lib/api/crm-param";
import { parseJsonBody, withTenantAccess } from "@/lib/api/route-handlers";
import { getPrisma } from "@/lib/db/client";
import { syncLeadNow } from "@/lib/sync/sync-now";

const syncLeadSchema = z.strictObject({
  lead_id: z.uuid(),
  sync_type: z.enum(["create", "update", "delete"]),
  force: z.boolean().default(false),
});

export const POST = withTenantAccess(async (request, { tenantId, params }) => {
  const crmType = crmTypeParam(params);
  const body = await parseJsonBody(request, syncLeadSchema);
  const result = await syncLeadNow(getPrisma(), tenantId, crmType, {
    leadId: body.lead_id,
    syncType: body.sync_type,
    force: body.force,
  });
  if (result.queued) {
    return NextResponse.json(
      { success: false, queued: true, last_error: result.queued.lastError },
      { status: 202 },
    );
  }
  return NextResponse.json({
    success: true,
    [`${crmType}_id`]: result.log?.crmRecordId ?? result.lead.crmExternalId,
    synced_at: (result.log?.syncedAt ?? result.lead.crmSyncedAt)?.toISOString() ?? null,
    fields_synced: result.log?.fieldsSynced ?? [],
    skipped: result.skipped,
  });
});
