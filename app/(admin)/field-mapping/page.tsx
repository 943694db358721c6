import type { Metadata } from "next";
import Link from "next/link";

import { FieldMappingEditor } from "@/components/field-mapping/field-mapping-editor";
import { CRM_LABELS } from "@/lib/ui/crm-labels";
import { loadIntegrationView } from "@/lib/ui/integration-view";
import { requireAdmin } from "@/lib/ui/require-admin";

export const metadata: Metadata = { title: "Field mapping · DiagnoLeads CRM Sync" };

export default async function FieldMappingPage() {
  const { tenantId } = await requireAdmin();
  const integration = await loadIntegrationView(tenantId);

  // The editor lists the CRM's fields live, which needs a working connection.
  if (!integration || integration.authStatus !== "connected") {
    const needsReconnect = integration?.authStatus === "reconnect_required";
    return (
      <>
        <h1>Field mapping</h1>
        <p className="empty card" data-testid="field-mapping-not-connected">
          {needsReconnect
            ? `${CRM_LABELS[integration.crmType]} must be reconnected before its fields can be mapped. `
            : "Connect a CRM to choose which lead fields go where. "}
          <Link href="/integrations">Go to Integrations</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <h1>Field mapping · {CRM_LABELS[integration.crmType]}</h1>
      <p className="muted">
        Which DiagnoLeads lead field fills which {CRM_LABELS[integration.crmType]} field when a lead
        syncs. Changes apply to the next sync.
      </p>
      <FieldMappingEditor tenantId={tenantId} crm={integration.crmType} />
    </>
  );
}
