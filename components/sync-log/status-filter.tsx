import Link from "next/link";

import { SYNC_LOG_STATUSES, type SyncLogStatus } from "@/lib/ui/sync-log-view";

const OPTIONS: { status: SyncLogStatus | null; label: string }[] = [
  { status: null, label: "All" },
  ...SYNC_LOG_STATUSES.map((status) => ({
    status,
    label: status[0]?.toUpperCase() + status.slice(1),
  })),
];

// Plain links: the filter lives in the URL, so it is shareable and works without JavaScript.
export function StatusFilter({ current }: { current: SyncLogStatus | null }) {
  return (
    <nav className="filters" aria-label="Filter by status">
      {OPTIONS.map((option) => (
        <Link
          key={option.label}
          href={option.status ? `/sync-log?status=${option.status}` : "/sync-log"}
          aria-current={option.status === current ? "page" : undefined}
        >
          {option.label}
        </Link>
      ))}
    </nav>
  );
}
