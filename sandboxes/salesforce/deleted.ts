import { SF_CONFIG } from "./config";
import { sfError, sfErrorResponse } from "./errors";
import type { ApiContext } from "./api-guard";
import { formatSfDateTime, parseSfDateTime } from "./timestamps";

export function deletedRecords(ctx: ApiContext): Response {
  const query = new URL(ctx.request.url).searchParams;
  const start = parseSfDateTime(query.get("start") ?? "");
  const end = parseSfDateTime(query.get("end") ?? "");
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) {
    return sfErrorResponse(400, [
      sfError(
        "INVALID_REPLICATION_DATE",
        "start and end must be valid dateTime values with start before end",
      ),
    ]);
  }
  const oldest = Date.now() - SF_CONFIG.deletedWindowDays * 24 * 60 * 60 * 1000;
  if (start < oldest) {
    return sfErrorResponse(400, [
      sfError(
        "INVALID_REPLICATION_DATE",
        "startDate before org replication enabled date or older than " +
          `${SF_CONFIG.deletedWindowDays} days`,
      ),
    ]);
  }
  const sobject = ctx.params.sobject;
  const deleted = Object.values(ctx.store.state.records).filter(
    (r) =>
      r.orgId === ctx.org.id &&
      r.sobject === sobject &&
      r.deletedAt &&
      inRange(parseSfDateTime(r.deletedAt), start, end),
  );
  const dates = deleted.map((r) => parseSfDateTime(r.deletedAt ?? ""));
  return Response.json({
    deletedRecords: deleted.map((r) => ({ id: r.fields.Id, deletedDate: r.deletedAt })),
    earliestDateAvailable: formatSfDateTime(new Date(dates.length ? Math.min(...dates) : start)),
    latestDateCovered: formatSfDateTime(new Date(end)),
  });
}

function inRange(value: number, start: number, end: number) {
  return value >= start && value <= end;
}
