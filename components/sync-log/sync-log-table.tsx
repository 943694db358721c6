import { LocalTime } from "@/components/local-time";
import { SyncLogErrors } from "@/components/sync-log/sync-log-errors";
import type { SyncLogEntry } from "@/lib/ui/sync-log-view";

const DIRECTIONS: Record<string, { label: string; title: string }> = {
  to_crm: { label: "To CRM →", title: "A DiagnoLeads change sent to the CRM" },
  from_crm: { label: "← From CRM", title: "A change made in the CRM, applied to the lead" },
};

// A change from the CRM touches a field or two and is worth naming; a write to the CRM sends the
// whole mapping, so only its size is shown and the names wait in the title.
function SyncedFields({ entry }: { entry: SyncLogEntry }) {
  const fields = entry.fieldsSynced;
  if (fields.length === 0) return null;
  if (entry.direction === "from_crm") {
    return <span className="direction__fields">changed: {fields.join(", ")}</span>;
  }
  return (
    <span className="direction__fields muted" title={fields.join(", ")}>
      {fields.length} {fields.length === 1 ? "field" : "fields"}
    </span>
  );
}

function DirectionCell({ entry }: { entry: SyncLogEntry }) {
  const direction = DIRECTIONS[entry.direction];
  return (
    <>
      <span
        className={`direction direction--${direction ? entry.direction : "other"}`}
        title={direction?.title}
      >
        {direction?.label ?? entry.direction}
      </span>
      <SyncedFields entry={entry} />
    </>
  );
}

export function SyncLogTable({ entries }: { entries: SyncLogEntry[] }) {
  return (
    <div className="table-wrap">
      <table className="table sync-log-table">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Lead</th>
            <th scope="col">Type</th>
            <th scope="col">Direction</th>
            <th scope="col">Status</th>
            <th scope="col">CRM record</th>
            <th scope="col">Retries</th>
            <th scope="col" className="sync-log-table__errors">
              Errors
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} data-testid="sync-log-row">
              <td className="sync-log-table__time">
                <LocalTime iso={entry.createdAt} />
              </td>
              <td>{entry.leadName ?? <span className="muted">(deleted lead)</span>}</td>
              <td>{entry.syncType}</td>
              <td>
                <DirectionCell entry={entry} />
              </td>
              <td>
                <span className={`badge badge--${entry.status}`}>{entry.status}</span>
              </td>
              <td className="mono sync-log-table__record">{entry.crmRecordId ?? "—"}</td>
              <td>{entry.retryCount}</td>
              <td className="sync-log-table__errors">
                <SyncLogErrors errors={entry.errors} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
