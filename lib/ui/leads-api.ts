import { z } from "zod";

import { requestJson } from "@/lib/ui/api-client";

// The subset of the leads API the table shows, validated at the boundary.
const leadRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  company: z.string().nullable(),
  score: z.number(),
  priority_level: z.string(),
  status: z.string(),
  owner: z.string().nullable(),
  crm_external_id: z.string().nullable(),
  crm_sync_status: z.string(),
  crm_synced_at: z.string().nullable(),
  created_at: z.string(),
});
export type LeadRow = z.infer<typeof leadRowSchema>;

const leadPageSchema = z.object({
  leads: z.array(leadRowSchema),
  next_cursor: z.string().nullable(),
});
export type LeadPage = z.infer<typeof leadPageSchema>;

export const LEADS_PAGE_SIZE = 50;

export function fetchLeadPage(tenantId: string, cursor: string | null): Promise<LeadPage> {
  const query = new URLSearchParams({ limit: String(LEADS_PAGE_SIZE) });
  if (cursor) query.set("cursor", cursor);
  return requestJson(
    `/api/v1/tenants/${encodeURIComponent(tenantId)}/leads?${query}`,
    leadPageSchema,
  );
}
