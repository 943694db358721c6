"use client";

import { useId, useState } from "react";
import { z } from "zod";

import type { CrmType } from "@/lib/crm/types";
import { ApiClientError, requestJson } from "@/lib/ui/api-client";

const connectResponseSchema = z.object({ auth_url: z.url(), state: z.string() });

type SalesforceEnvironment = "production" | "sandbox";

interface ConnectButtonProps {
  tenantId: string;
  crm: CrmType;
  label: string;
  disabled?: boolean;
}

export function ConnectButton({ tenantId, crm, label, disabled = false }: ConnectButtonProps) {
  const selectId = useId();
  const [environment, setEnvironment] = useState<SalesforceEnvironment>("production");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function connect() {
    setPending(true);
    setError(null);
    try {
      const body =
        crm === "salesforce"
          ? { redirect_uri: "/integrations", environment }
          : { redirect_uri: "/integrations" };
      const { auth_url } = await requestJson(
        `/api/v1/tenants/${encodeURIComponent(tenantId)}/integrations/${crm}/connect`,
        connectResponseSchema,
        {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(body),
        },
      );
      // Leave for the CRM's consent page; the callback brings the admin back here.
      window.location.assign(auth_url);
    } catch (caught) {
      setError(
        caught instanceof ApiClientError
          ? caught.message
          : "Could not start the connection. Try again.",
      );
      setPending(false);
    }
  }

  return (
    <div>
      <div className="connect-row">
        {crm === "salesforce" ? (
          <div className="field">
            <label htmlFor={selectId}>Salesforce environment</label>
            <select
              id={selectId}
              value={environment}
              disabled={disabled || pending}
              onChange={(event) =>
                setEnvironment(event.target.value === "sandbox" ? "sandbox" : "production")
              }
            >
              <option value="production">Production (login.salesforce.com)</option>
              <option value="sandbox">Sandbox (test.salesforce.com)</option>
            </select>
          </div>
        ) : null}
        <button
          type="button"
          className="button"
          disabled={disabled || pending}
          onClick={() => void connect()}
        >
          {label}
        </button>
      </div>
      {error ? (
        <p className="banner banner--error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
