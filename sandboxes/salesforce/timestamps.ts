let lastStamp = 0;

// Salesforce returns datetimes as 2026-01-01T00:00:00.000+0000. Stamps strictly increase so that
// polling on SystemModstamp never sees two changes with the same time in one process.
export function nextModstamp(): string {
  const now = Math.max(Date.now(), lastStamp + 1);
  lastStamp = now;
  return formatSfDateTime(new Date(now));
}

export function formatSfDateTime(date: Date): string {
  return date.toISOString().replace("Z", "+0000");
}

export function parseSfDateTime(value: string): number {
  return Date.parse(value.replace(/\+0000$/, "Z"));
}

// SOAP (outbound messages) carries xsd:dateTime, which Salesforce writes in UTC ending in Z.
export function toXsdDateTime(value: string): string {
  return new Date(parseSfDateTime(value)).toISOString();
}
