"use client";

const FORMAT = new Intl.DateTimeFormat("en-GB", {
  year: "numeric",
  month: "short",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/**
 * A timestamp in the viewer's own time zone. The server renders it in its zone first, so the
 * text may change on hydration; that difference is expected, hence suppressHydrationWarning.
 */
export function LocalTime({ iso, fallback = "—" }: { iso: string | null; fallback?: string }) {
  if (!iso) return <span className="muted">{fallback}</span>;
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {FORMAT.format(new Date(iso))}
    </time>
  );
}
