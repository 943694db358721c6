// Class names come from the value, so only known values get a colour; anything else stays grey.
const PRIORITY_CLASSES: Record<string, string> = {
  Hot: "badge--hot",
  Warm: "badge--warm",
  Cold: "badge--cold",
};
const SYNC_CLASSES: Record<string, string> = {
  synced: "badge--synced",
  pending: "badge--pending",
  failed: "badge--failed",
  retrying: "badge--retrying",
  waiting: "badge--waiting",
};

export function PriorityBadge({ priority }: { priority: string }) {
  return <span className={`badge ${PRIORITY_CLASSES[priority] ?? ""}`}>{priority}</span>;
}

export function SyncStateBadge({ state }: { state: string }) {
  return (
    <span className={`badge ${SYNC_CLASSES[state] ?? ""}`} data-testid="sync-state">
      {state}
    </span>
  );
}
