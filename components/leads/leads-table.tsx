"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

import { LocalTime } from "@/components/local-time";
import { PriorityBadge, SyncStateBadge } from "@/components/leads/badges";
import { SyncFailureReason } from "@/components/leads/sync-failure";
import type { LeadFailure, LeadFailures } from "@/lib/ui/lead-failures";
import { fetchLeadPage, type LeadRow } from "@/lib/ui/leads-api";

// Sync runs in the background; polling shows a lead's new sync state without a reload.
const REFRESH_INTERVAL_MS = 3_000;
const NO_LEADS: LeadRow[] = [];

/**
 * Failure reasons are read server-side when the page renders. A lead that fails later, while the
 * table polls, gets its reason from one server refresh; each lead asks at most once, so a
 * reason that is not found cannot cause a refresh loop.
 */
function useFailureReasonRefresh(leads: LeadRow[], failures: LeadFailures) {
  const router = useRouter();
  const asked = useRef(new Set<string>());

  useEffect(() => {
    const missing = leads.filter(
      (lead) =>
        lead.crm_sync_status === "failed" && !failures[lead.id] && !asked.current.has(lead.id),
    );
    if (missing.length === 0) return;
    for (const lead of missing) asked.current.add(lead.id);
    router.refresh();
  }, [leads, failures, router]);
}

function LeadTableRow({ lead, failure }: { lead: LeadRow; failure: LeadFailure | undefined }) {
  return (
    <tr data-testid="lead-row">
      <td>{lead.name}</td>
      <td>{lead.company ?? "—"}</td>
      <td>{lead.email ?? "—"}</td>
      <td>{lead.score}</td>
      <td>
        <PriorityBadge priority={lead.priority_level} />
      </td>
      <td>{lead.status}</td>
      <td>{lead.owner ?? "—"}</td>
      <td className="lead-sync">
        <SyncStateBadge state={lead.crm_sync_status} />
        {lead.crm_sync_status === "failed" ? <SyncFailureReason failure={failure} /> : null}
      </td>
      <td className="mono">{lead.crm_external_id ?? "—"}</td>
      <td>
        <LocalTime iso={lead.created_at} />
      </td>
    </tr>
  );
}

interface LeadsTableProps {
  tenantId: string;
  failures: LeadFailures;
}

export function LeadsTable({ tenantId, failures }: LeadsTableProps) {
  const query = useInfiniteQuery({
    queryKey: ["leads", tenantId],
    queryFn: ({ pageParam }) => fetchLeadPage(tenantId, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.next_cursor,
    refetchInterval: REFRESH_INTERVAL_MS,
  });
  const leads = query.data?.pages.flatMap((page) => page.leads) ?? NO_LEADS;
  useFailureReasonRefresh(leads, failures);

  if (query.isPending) return <p className="muted">Loading leads…</p>;
  if (query.isError) {
    return (
      <p className="banner banner--error" role="alert">
        Could not load leads: {query.error.message}
      </p>
    );
  }

  if (leads.length === 0) {
    return (
      <p className="empty card">No leads yet. Leads appear here when DiagnoLeads sends them.</p>
    );
  }

  return (
    <>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Company</th>
              <th scope="col">Email</th>
              <th scope="col">Score</th>
              <th scope="col">Priority</th>
              <th scope="col">Status</th>
              <th scope="col">Owner</th>
              <th scope="col">CRM sync</th>
              <th scope="col">CRM id</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {leads.map((lead) => (
              <LeadTableRow key={lead.id} lead={lead} failure={failures[lead.id]} />
            ))}
          </tbody>
        </table>
      </div>
      {query.hasNextPage ? (
        <div className="load-more">
          <button
            type="button"
            className="button button--secondary"
            disabled={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
          >
            {query.isFetchingNextPage ? "Loading…" : "Load more"}
          </button>
        </div>
      ) : null}
    </>
  );
}
