import type { Metadata } from "next";

import { LeadsTable } from "@/components/leads/leads-table";
import { loadLeadFailures } from "@/lib/ui/lead-failures";
import { requireAdmin } from "@/lib/ui/require-admin";

export const metadata: Metadata = { title: "Leads · DiagnoLeads CRM Sync" };

export default async function LeadsPage() {
  const { tenantId } = await requireAdmin();
  const failures = await loadLeadFailures(tenantId);

  return (
    <>
      <h1>Leads</h1>
      <LeadsTable tenantId={tenantId} failures={failures} />
    </>
  );
}
