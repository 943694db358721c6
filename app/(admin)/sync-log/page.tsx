import type { Metadata } from "next";

import { StatusFilter } from "@/components/sync-log/status-filter";
import { SyncLogTable } from "@/components/sync-log/sync-log-table";
import { CRM_LABELS, isCrmType } from "@/lib/ui/crm-labels";
import { requireAdmin } from "@/lib/ui/require-admin";
import { loadSyncLogs, parseSyncLogStatus } from "@/lib/ui/sync-log-view";

export const metadata: Metadata = { title: "Sync log · DiagnoLeads CRM Sync" };

interface SyncLogPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function SyncLogPage({ searchParams }: SyncLogPageProps) {
  const { tenantId } = await requireAdmin();
  const params = await searchParams;
  const status = parseSyncLogStatus(
    Array.isArray(params.status) ? params.status[0] : params.status,
  );
  const { crmType, entries } = await loadSyncLogs(tenantId, status);

  return (
    <>
      <h1>Sync log{isCrmType(crmType) ? ` · ${CRM_LABELS[crmType]}` : ""}</h1>
      <p className="muted">The latest 100 sync attempts, newest first.</p>
      <StatusFilter current={status} />
      {entries.length > 0 ? (
        <SyncLogTable entries={entries} />
      ) : (
        <p className="empty card">
          {crmType
            ? "No sync log entries match."
            : "No CRM is connected yet, so nothing has synced."}
        </p>
      )}
    </>
  );
}
