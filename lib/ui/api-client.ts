import { z } from "zod";

// Browser calls to our own REST API. Errors arrive as { error: { code, message } }; callers get
// an ApiClientError carrying that code so they branch on it, not on message text.

const apiErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});

export class ApiClientError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "ApiClientError";
  }
}

export async function requestJson<T>(
  url: string,
  schema: z.ZodType<T>,
  init?: RequestInit,
): Promise<T> {
  const response = await fetch(url, {
    ...init,
    headers: { Accept: "application/json", ...init?.headers },
    credentials: "same-origin",
  });
  const body: unknown = await response.json().catch(() => null);

  if (!response.ok) {
    const parsed = apiErrorSchema.safeParse(body);
    if (parsed.success) {
      throw new ApiClientError(parsed.data.error.code, parsed.data.error.message, response.status);
    }
    throw new ApiClientError(
      "http_error",
      `Request failed (HTTP ${response.status})`,
      response.status,
    );
  }
  return schema.parse(body);
}
