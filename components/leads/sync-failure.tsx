import Link from "next/link";

import type { LeadFailure } from "@/lib/ui/lead-failures";

// The cell stays narrow; the whole text is in the title and on the sync log page.
const REASON_MAX_CHARS = 70;

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

export function SyncFailureReason({ failure }: { failure: LeadFailure | undefined }) {
  return (
    <div className="sync-failure">
      {failure ? (
        <span className="sync-failure__reason" title={`${failure.code}: ${failure.message}`}>
          {truncate(`${failure.code}: ${failure.summary}`, REASON_MAX_CHARS)}
        </span>
      ) : null}
      <Link href="/sync-log?status=failed" className="sync-failure__link">
        See failed syncs
      </Link>
    </div>
  );
}
