import { connectErrorMessage, connectSuccessMessage } from "@/lib/ui/connect-messages";
import { CRM_LABELS, isCrmType } from "@/lib/ui/crm-labels";

export interface ConnectOutcome {
  crm?: string;
  connected?: string;
  error?: string;
}

/** The result of the OAuth round trip, from the query string the callback redirected to. */
export function ConnectBanner({ outcome }: { outcome: ConnectOutcome }) {
  const crmLabel = isCrmType(outcome.crm) ? CRM_LABELS[outcome.crm] : "the CRM";

  if (outcome.error) {
    return (
      <p className="banner banner--error" role="alert" data-testid="connect-banner">
        {connectErrorMessage(outcome.error, crmLabel)}
      </p>
    );
  }
  if (outcome.connected === "1") {
    return (
      <p className="banner banner--success" role="status" data-testid="connect-banner">
        {connectSuccessMessage(crmLabel)}
      </p>
    );
  }
  return null;
}
