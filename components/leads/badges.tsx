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
// "waiting" and "retrying" look alarming without context, yet nothing is lost in either state.
const SYNC_EXPLANATIONS: Record<string, string> = {
  synced: "synced: the CRM has the latest change.",
  pending: "pending: the change is queued and will be sent to the CRM shortly.",
  retrying:
    "retrying: the CRM did not accept the change yet (for example it was busy or " +
    "unreachable); it will be tried again automatically.",
  waiting:
    "waiting: the CRM connection needs attention or no CRM is connected; the change is " +
    "kept and will be sent.",
  failed: "failed: the CRM rejected the change; the reason is shown below and in the sync log.",
};

export function PriorityBadge({ priority }: { priority: string }) {
  return <span className={`badge ${PRIORITY_CLASSES[priority] ?? ""}`}>{priority}</span>;
}

// The badge text stays the raw state (browser tests read it); the explanation sits beside it.
export function SyncStateBadge({ state }: { state: string }) {
  const explanation = SYNC_EXPLANATIONS[state];
  return (
    <>
      <span
        className={`badge ${SYNC_CLASSES[state] ?? ""} ${explanation ? "badge--explained" : ""}`}
        data-testid="sync-state"
        title={explanation}
      >
        {state}
      </span>
      {explanation ? <span className="visually-hidden"> ({explanation})</span> : null}
    </>
  );
}
