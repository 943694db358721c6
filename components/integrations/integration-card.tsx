import type { CrmType } from "@/lib/crm/types";
import { CRM_ACCOUNT_NOUN, CRM_LABELS } from "@/lib/ui/crm-labels";
import type { IntegrationView } from "@/lib/ui/integration-view";

import { LocalTime } from "@/components/local-time";
import { ConnectButton } from "@/components/integrations/connect-button";
import { DisconnectButton } from "@/components/integrations/disconnect-button";
import { InboundSetup } from "@/components/integrations/inbound-setup";
import { RetryFailedButton } from "@/components/integrations/retry-failed-button";
import { SetupReport } from "@/components/integrations/setup-report";

interface IntegrationCardProps {
  tenantId: string;
  crm: CrmType;
  /** The tenant's integration when it is with this CRM, else null. */
  integration: IntegrationView | null;
  /** The other CRM this tenant is connected to; only one CRM per tenant is allowed. */
  blockedBy: CrmType | null;
}

function statusText(crm: CrmType, integration: IntegrationView | null): string {
  if (!integration) return "Not connected";
  if (integration.authStatus === "reconnect_required") return "Reconnect required";
  if (integration.authStatus === "disconnected") return "Disconnected";
  const account = integration.externalAccountId;
  return account ? `Connected (${CRM_ACCOUNT_NOUN[crm]} ${account})` : "Connected";
}

export function IntegrationCard({ tenantId, crm, integration, blockedBy }: IntegrationCardProps) {
  const label = CRM_LABELS[crm];
  const authStatus = integration?.authStatus ?? "none";
  const needsReconnect = authStatus === "reconnect_required";
  const showConnect = authStatus !== "connected";

  return (
    <article className="card" aria-labelledby={`integration-${crm}-title`}>
      <h2 id={`integration-${crm}-title`}>{label}</h2>
      <p className={`status status--${authStatus}`} data-testid={`integration-status-${crm}`}>
        {statusText(crm, integration)}
      </p>

      {integration ? (
        <dl className="stats">
          <dt>Health</dt>
          <dd>{integration.status.health.replaceAll("_", " ")}</dd>
          <dt>Last sync</dt>
          <dd>
            <LocalTime iso={integration.status.lastSync} fallback="Never" />
          </dd>
          <dt>Synced</dt>
          <dd>{integration.status.totalSynced}</dd>
          <dt>Failed</dt>
          <dd>{integration.status.failedSyncs}</dd>
          <dt>Pending</dt>
          <dd>{integration.status.pendingSyncs}</dd>
          <dt>Next poll</dt>
          <dd>
            <LocalTime iso={integration.status.nextPollAt} fallback="Not scheduled" />
          </dd>
        </dl>
      ) : null}

      {showConnect ? (
        <ConnectButton
          tenantId={tenantId}
          crm={crm}
          label={needsReconnect ? `Reconnect ${label}` : `Connect ${label}`}
          disabled={blockedBy !== null}
        />
      ) : null}
      {authStatus === "connected" && integration && integration.status.failedLeads > 0 ? (
        <RetryFailedButton tenantId={tenantId} crm={crm} count={integration.status.failedLeads} />
      ) : null}
      {authStatus === "connected" ? <InboundSetup tenantId={tenantId} crm={crm} /> : null}
      {integration && authStatus !== "disconnected" ? (
        <DisconnectButton tenantId={tenantId} crm={crm} />
      ) : null}
      {blockedBy ? (
        <p className="muted">Disconnect {CRM_LABELS[blockedBy]} first: one CRM per tenant</p>
      ) : null}

      {integration ? <SetupReport crm={crm} report={integration.setup} /> : null}
    </article>
  );
}
