import type { ShownSyncLogError } from "@/lib/ui/sync-log-view";

// Past roughly three lines of the errors column a plain message is clamped behind "Show all".
const LONG_MESSAGE_CHARS = 180;

function FieldChips({ fields }: { fields: string[] }) {
  if (fields.length === 0) return null;
  return (
    <ul className="chips" aria-label="Fields">
      {fields.map((field) => (
        <li key={field} className="chip mono">
          {field}
        </li>
      ))}
    </ul>
  );
}

// No JavaScript: <details> reveals the rest, and CSS lifts the clamp while it is open.
function SyncLogErrorItem({ error }: { error: ShownSyncLogError }) {
  const isLong = error.prettyJson !== null || error.message.length > LONG_MESSAGE_CHARS;
  return (
    <li className="sync-error">
      <p className="sync-error__line">
        <code className="sync-error__code">{error.code}</code>:{" "}
        <span className="sync-error__message">{error.summary}</span>
      </p>
      <FieldChips fields={error.fields} />
      {isLong ? (
        <details className="sync-error__more">
          <summary>Show all</summary>
          {error.prettyJson ? <pre className="sync-error__json">{error.prettyJson}</pre> : null}
        </details>
      ) : null}
    </li>
  );
}

export function SyncLogErrors({ errors }: { errors: ShownSyncLogError[] }) {
  if (errors.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="sync-errors" data-testid="sync-log-errors">
      {errors.map((error) => (
        <SyncLogErrorItem key={`${error.code}\n${error.message}`} error={error} />
      ))}
    </ul>
  );
}
