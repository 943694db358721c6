"use client";

import { useState } from "react";
import { z } from "zod";

import type { CrmType } from "@/lib/crm/types";
import { ApiClientError, requestJson } from "@/lib/ui/api-client";

const urlResponseSchema = z.object({ url: z.url() });

interface InboundSetupProps {
  tenantId: string;
  crm: CrmType;
}

/**
 * How status and owner changes come back from the CRM. Salesforce needs an outbound message
 * pointed at a URL with a secret (shown once); HubSpot's app webhook is configured once for
 * the whole app. Polling every few minutes catches anything a webhook missed.
 */
export function InboundSetup({ tenantId, crm }: InboundSetupProps) {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (crm === "hubspot") {
    return (
      <section className="inbound">
        <h3>Changes from HubSpot</h3>
        <p className="muted">
          Lead status and owner changes arrive through the app&apos;s webhook
          (contact.propertyChange for hs_lead_status and hubspot_owner_id) and by polling.
        </p>
      </section>
    );
  }

  async function issue() {
    setError(null);
    try {
      const response = await requestJson(
        `/api/v1/tenants/${encodeURIComponent(tenantId)}/integrations/salesforce/outbound-message-url`,
        urlResponseSchema,
        { method: "POST" },
      );
      setUrl(response.url);
    } catch (caught) {
      setError(caught instanceof ApiClientError ? caught.message : "Could not create the URL.");
    }
  }

  return (
    <section className="inbound">
      <h3>Changes from Salesforce</h3>
      <p className="muted">
        Status and owner changes are polled. For changes within seconds, create an outbound message
        on Lead (fields Id, Status, OwnerId, LastModifiedDate, DiagnoLeadsId__c) whose endpoint is
        this URL. A new URL replaces the previous one.
      </p>
      {url ? (
        <p>
          <code data-testid="outbound-message-url">{url}</code>
          <br />
          <span className="muted">Copy it now: it is shown only once.</span>
        </p>
      ) : (
        <button type="button" className="button button--secondary" onClick={() => void issue()}>
          Create outbound message URL
        </button>
      )}
      {error ? (
        <p className="banner banner--error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
