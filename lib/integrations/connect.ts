import { ApiError } from "@/lib/api/errors";
import { getEnv } from "@/lib/config/env";
import { buildHubSpotAuthorizeUrl } from "@/lib/crm/hubspot/oauth";
import {
  buildSalesforceAuthorizeUrl,
  salesforceLoginUrl,
  type SalesforceLoginKind,
} from "@/lib/crm/salesforce/oauth";
import type { CrmType } from "@/lib/crm/types";
import type { PrismaClient } from "@/lib/db/generated/client";
import { issueOAuthState } from "@/lib/integrations/oauth-state";

export const INTEGRATIONS_PAGE = "/integrations";

/** Where the CRM sends the admin back to; registered with the CRM app. */
export function oauthCallbackUrl(crmType: CrmType): string {
  return new URL(`/api/v1/integrations/${crmType}/callback`, getEnv().APP_URL).toString();
}

/** Only our own pages may be the final redirect (no open redirect through the callback). */
export function safeReturnPath(redirectUri: string | undefined): string {
  if (!redirectUri) return INTEGRATIONS_PAGE;
  const appUrl = new URL(getEnv().APP_URL);
  const target = new URL(redirectUri, appUrl);
  if (target.origin !== appUrl.origin) {
    throw new ApiError("validation_failed", "redirect_uri must be a page of this application");
  }
  return `${target.pathname}${target.search}`;
}

export interface ConnectInput {
  tenantId: string;
  userId: string;
  crmType: CrmType;
  redirectUri?: string;
  loginKind?: SalesforceLoginKind;
  customLoginUrl?: string;
}

/** Starts the OAuth flow: returns the CRM authorize URL and the state bound to this admin. */
export async function startConnect(db: PrismaClient, input: ConnectInput) {
  const existing = await db.crmIntegration.findUnique({ where: { tenantId: input.tenantId } });
  if (existing && existing.crmType !== input.crmType && existing.authStatus !== "disconnected") {
    throw new ApiError(
      "conflict",
      `This tenant is connected to ${existing.crmType}. Disconnect it before connecting ${input.crmType}.`,
    );
  }
  const loginUrl =
    input.crmType === "salesforce"
      ? salesforceLoginUrl(input.loginKind ?? "production", input.customLoginUrl)
      : null;
  const { state, codeChallenge } = await issueOAuthState(db, {
    tenantId: input.tenantId,
    userId: input.userId,
    crmType: input.crmType,
    redirectUri: safeReturnPath(input.redirectUri),
    loginUrl,
  });
  const redirectUri = oauthCallbackUrl(input.crmType);
  const authUrl =
    input.crmType === "salesforce"
      ? buildSalesforceAuthorizeUrl({
          loginUrl: loginUrl as string,
          redirectUri,
          state,
          codeChallenge,
        })
      : buildHubSpotAuthorizeUrl({ redirectUri, state });
  return { authUrl, state };
}
