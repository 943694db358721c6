import { LocalTime } from "@/components/local-time";
import type { SyncLogEntry, SyncLogError } from "@/lib/ui/sync-log-view";

const DIRECTION_LABELS: Record<string, string> = { to_crm: "→ CRM", from_crm: "← CRM" };

function ErrorList({ errors }: { errors: SyncLogError[] }) {
  if (errors.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="error-list" data-testid="sync-log-errors">
      {errors.map((error, index) => (
        <li key={`${error.code}-${index}`}>
          <code>{error.code}</code>: {error.message}
          {error.fields && error.fields.length > 0 ? (
            <span className="muted"> (fields: {error.fields.join(", ")})</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function SyncLogTable({ entries }: { entries: SyncLogEntry[] }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Lead</th>
            <th scope="col">Type</th>
            <th scope="col">Direction</th>
            <th scope="col">Status</th>
            <th scope="col">CRM record</th>
            <th scope="col">Retries</th>
            <th scope="col">Errors</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} data-testid="sync-log-row">
              <td>
                <LocalTime iso={entry.createdAt} />
              </td>
              <td>{entry.leadName ?? <span className="muted">(deleted lead)</span>}</td>
              <td>{entry.syncType}</td>
              <td>{DIRECTION_LABELS[entry.direction] ?? entry.direction}</td>
              <td>
                <span className={`badge badge--${entry.status}`}>{entry.status}</span>
              </td>
              <td className="mono">{entry.crmRecordId ?? "—"}</td>
              <td>{entry.retryCount}</td>
              <td>
                <ErrorList errors={entry.errors} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
