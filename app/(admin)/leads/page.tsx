import type { Metadata } from "next";

import { LeadsTable } from "@/components/leads/leads-table";
import { requireAdmin } from "@/lib/ui/require-admin";

export const metadata: Metadata = { title: "Leads · DiagnoLeads CRM Sync" };

export default async function LeadsPage() {
  const { tenantId } = await requireAdmin();

  return (
    <>
      <h1>Leads</h1>
      <LeadsTable tenantId={tenantId} />
    </>
  );
}
