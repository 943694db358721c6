"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { z } from "zod";

import type { CrmType } from "@/lib/crm/types";
import { ApiClientError, requestJson } from "@/lib/ui/api-client";
import { CRM_LABELS } from "@/lib/ui/crm-labels";

const disconnectResponseSchema = z.object({
  disconnected: z.boolean(),
  revoked_at_crm: z.boolean(),
});

interface DisconnectButtonProps {
  tenantId: string;
  crm: CrmType;
}

/** Two steps on purpose: disconnecting stops every lead from reaching the CRM. */
export function DisconnectButton({ tenantId, crm }: DisconnectButtonProps) {
  const router = useRouter();
  const label = CRM_LABELS[crm];
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function disconnect() {
    setPending(true);
    setError(null);
    try {
      await requestJson(
        `/api/v1/tenants/${encodeURIComponent(tenantId)}/integrations/${crm}`,
        disconnectResponseSchema,
        { method: "DELETE" },
      );
      setConfirming(false);
      router.refresh();
    } catch (caught) {
      setError(
        caught instanceof ApiClientError ? caught.message : "Could not disconnect. Try again.",
      );
    } finally {
      setPending(false);
    }
  }

  if (!confirming) {
    return (
      <button
        type="button"
        className="button button--secondary"
        onClick={() => setConfirming(true)}
      >
        Disconnect {label}
      </button>
    );
  }
  return (
    <div role="group" aria-label={`Confirm disconnecting ${label}`}>
      <p>
        Disconnect {label}? Its tokens are revoked and deleted; the sync history stays. New and
        changed leads wait until a CRM is connected again.
      </p>
      <button
        type="button"
        className="button button--danger"
        disabled={pending}
        onClick={() => void disconnect()}
      >
        Confirm disconnect
      </button>{" "}
      <button
        type="button"
        className="button button--secondary"
        disabled={pending}
        onClick={() => setConfirming(false)}
      >
        Cancel
      </button>
      {error ? (
        <p className="banner banner--error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
