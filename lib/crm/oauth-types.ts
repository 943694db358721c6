/** What a token exchange or refresh yields, provider-neutral. */
export interface CrmTokenSet {
  accessToken: string;
  /** Absent when the provider kept the old refresh token. */
  refreshToken: string | null;
  /** Salesforce: where every API call goes. HubSpot: null. */
  instanceUrl: string | null;
  expiresAt: Date | null;
}

export interface CrmAccountInfo {
  /** Salesforce org id / HubSpot portal (hub) id. */
  externalAccountId: string;
  crmUserId: string | null;
}

/** The refresh token is no longer valid: the tenant must reconnect. */
export class InvalidGrantError extends Error {
  constructor(message = "The CRM refused the refresh token (invalid_grant)") {
    super(message);
    this.name = "InvalidGrantError";
  }
}
