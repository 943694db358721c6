import type { Metadata } from "next";

import { ConnectBanner } from "@/components/integrations/connect-banner";
import { IntegrationCard } from "@/components/integrations/integration-card";
import { CRM_TYPES } from "@/lib/crm/types";
import { loadIntegrationView } from "@/lib/ui/integration-view";
import { requireAdmin } from "@/lib/ui/require-admin";

export const metadata: Metadata = { title: "Integrations · DiagnoLeads CRM Sync" };

interface IntegrationsPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function IntegrationsPage({ searchParams }: IntegrationsPageProps) {
  const { tenantId } = await requireAdmin();
  const params = await searchParams;
  const integration = await loadIntegrationView(tenantId);
  // A disconnected integration no longer blocks the other CRM (same rule as the connect API).
  const activeCrm =
    integration && integration.authStatus !== "disconnected" ? integration.crmType : null;

  return (
    <>
      <h1>Integrations</h1>
      <ConnectBanner
        outcome={{
          crm: firstValue(params.crm),
          connected: firstValue(params.connected),
          error: firstValue(params.error),
        }}
      />
      <div className="integrations-grid">
        {CRM_TYPES.map((crm) => (
          <IntegrationCard
            key={crm}
            tenantId={tenantId}
            crm={crm}
            integration={integration?.crmType === crm ? integration : null}
            blockedBy={activeCrm && activeCrm !== crm ? activeCrm : null}
          />
        ))}
      </div>
    </>
  );
}
