import { randomUUID } from "node:crypto";
import type { NextRequest, NextResponse } from "next/server";
import { z } from "zod";

import { ApiError, notFound, toErrorResponse } from "@/lib/api/errors";
import { authenticateApiKey } from "@/lib/auth/api-keys";
import { getAdminContext } from "@/lib/auth/session";
import { getEnv } from "@/lib/config/env";
import { getPrisma } from "@/lib/db/client";
import { logger, type Logger } from "@/lib/logging/logger";

// One wrapper per trust level. Each sets a request id and a logger and maps errors in one place.

type RouteParams = Record<string, string | string[] | undefined>;
interface RouteContext {
  params: Promise<RouteParams>;
}

export interface Actor {
  type: "api_key" | "user";
  id: string;
}

export interface TenantRequestContext {
  tenantId: string;
  actor: Actor;
  params: RouteParams;
  log: Logger;
  requestId: string;
}

const tenantIdSchema = z.uuid();
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cookie-authenticated changes must come from our own pages. SameSite=Lax cookies alone still
 * travel with requests from sibling sites (other subdomains, other ports on localhost).
 */
function assertSameOrigin(request: NextRequest): void {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.get("origin");
  if (origin !== new URL(getEnv().APP_URL).origin) {
    throw new ApiError("forbidden", "Cross-site request refused");
  }
}

async function resolveActor(request: NextRequest, tenantId: string): Promise<Actor | null> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const key = match?.[1] ? await authenticateApiKey(getPrisma(), match[1]) : null;
    if (!key) throw new ApiError("unauthorized", "Invalid API key");
    return key.tenantId === tenantId ? { type: "api_key", id: key.apiKeyId } : null;
  }
  if (!SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    throw new ApiError("unauthorized", "Sign in or send an API key");
  }
  assertSameOrigin(request);
  const admin = await getAdminContext(tenantId);
  if (admin) return { type: "user", id: admin.userId };
  if (await getAdminContext()) return null;
  throw new ApiError("unauthorized", "Sign in or send an API key");
}

/** `/api/v1/tenants/{tenant_id}/...`: the caller must belong to that tenant, else 404. */
export function withTenantAccess(
  handler: (request: NextRequest, context: TenantRequestContext) => Promise<NextResponse>,
) {
  return async (request: NextRequest, route: RouteContext): Promise<NextResponse> => {
    const requestId = randomUUID();
    try {
      const params = await route.params;
      const parsedTenant = tenantIdSchema.safeParse(params.tenantId);
      if (!parsedTenant.success) throw notFound("Tenant");
      const tenantId = parsedTenant.data;
      const actor = await resolveActor(request, tenantId);
      if (!actor) throw notFound("Tenant");
      const log = logger.child({ requestId, tenantId, actorType: actor.type });
      return await handler(request, { tenantId, actor, params, log, requestId });
    } catch (error) {
      return toErrorResponse(error, requestId);
    }
  };
}

export interface PublicRequestContext {
  params: RouteParams;
  log: Logger;
  requestId: string;
}

/** Callbacks and webhooks: no session or key; the handler authenticates what it receives. */
export function withPublicAccess(
  handler: (request: NextRequest, context: PublicRequestContext) => Promise<NextResponse>,
) {
  return async (request: NextRequest, route: RouteContext): Promise<NextResponse> => {
    const requestId = randomUUID();
    try {
      const params = await route.params;
      return await handler(request, { params, log: logger.child({ requestId }), requestId });
    } catch (error) {
      return toErrorResponse(error, requestId);
    }
  };
}

export const MAX_JSON_BODY_BYTES = 1_000_000;

/** Parses a JSON body with a zod schema: too large 413, malformed 400, a wrong shape 422. */
export async function parseJsonBody<T>(request: NextRequest, schema: z.ZodType<T>): Promise<T> {
  const tooLarge = new ApiError(
    "payload_too_large",
    `Request body over ${MAX_JSON_BODY_BYTES} bytes`,
  );
  if (Number(request.headers.get("content-length") ?? 0) > MAX_JSON_BODY_BYTES) throw tooLarge;
  const text = await request.text();
  if (Buffer.byteLength(text, "utf8") > MAX_JSON_BODY_BYTES) throw tooLarge;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError("bad_request", "Request body must be valid JSON");
  }
  return schema.parse(body);
}
