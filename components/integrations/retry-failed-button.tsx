"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { z } from "zod";

import type { CrmType } from "@/lib/crm/types";
import { ApiClientError, requestJson } from "@/lib/ui/api-client";

const retryResponseSchema = z.object({ queued: z.number() });

interface RetryFailedButtonProps {
  tenantId: string;
  crm: CrmType;
  count: number;
}

/** After fixing what made leads fail (mapping, CRM rule), send them all again. */
export function RetryFailedButton({ tenantId, crm, count }: RetryFailedButtonProps) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function retry() {
    setPending(true);
    try {
      const { queued } = await requestJson(
        `/api/v1/tenants/${encodeURIComponent(tenantId)}/integrations/${crm}/retry-failed`,
        retryResponseSchema,
        { method: "POST" },
      );
      setMessage(`${queued} lead${queued === 1 ? "" : "s"} queued again.`);
      router.refresh();
    } catch (caught) {
      setMessage(caught instanceof ApiClientError ? caught.message : "Could not queue the leads.");
    } finally {
      setPending(false);
    }
  }

  return (
    <p>
      <button
        type="button"
        className="button button--secondary"
        disabled={pending}
        onClick={() => void retry()}
      >
        Retry {count} failed lead{count === 1 ? "" : "s"}
      </button>{" "}
      {message ? <span role="status">{message}</span> : null}
    </p>
  );
}
