// The sandboxes' admin API (sandbox-only): read what the CRM holds, inject faults.

export async function sandboxRecords(
  baseUrl: string,
  type: string,
): Promise<Record<string, unknown>[]> {
  const response = await fetch(`${baseUrl}/__sandbox/records/${type}`);
  if (!response.ok) throw new Error(`records ${type}: ${response.status}`);
  return (await response.json()) as Record<string, unknown>[];
}

export async function seedSandboxRecord(baseUrl: string, type: string, body: unknown) {
  const response = await fetch(`${baseUrl}/__sandbox/records/${type}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`seed ${type}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

export async function setFaults(baseUrl: string, faults: Record<string, unknown> | null) {
  const response = await fetch(`${baseUrl}/__sandbox/faults`, {
    method: faults ? "POST" : "DELETE",
    headers: { "content-type": "application/json" },
    ...(faults ? { body: JSON.stringify(faults) } : {}),
  });
  if (!response.ok) throw new Error(`faults: ${response.status} ${await response.text()}`);
}

export async function sandboxRequests(
  baseUrl: string,
): Promise<{ method: string; path: string; grantType?: string }[]> {
  return (await (await fetch(`${baseUrl}/__sandbox/requests`)).json()) as {
    method: string;
    path: string;
    grantType?: string;
  }[];
}
