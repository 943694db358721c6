import { http, type RequestHandler } from "msw";
import type { SfOrg } from "./orgs";
import type { SalesforceStore } from "./store";
import { loginUrlOf } from "./tokens";
import { bearerToken } from "./session";

export function identityHandler(store: SalesforceStore, org: SfOrg): RequestHandler {
  return http.get("/id/:orgId/:userId", ({ request, params }) => {
    const session = store.state.sessions[bearerToken(request) ?? ""];
    const valid = session && session.expiresAt > Date.now() && session.orgId === org.id;
    if (!valid || params.orgId !== org.id) {
      return new Response("Bad_OAuth_Token", { status: 403 });
    }
    const user = org.users.find((u) => u.id === params.userId);
    if (!user) return new Response("Bad_Id", { status: 404 });

    const base = store.settings.instanceUrl;
    return Response.json({
      id: `${loginUrlOf(store, org)}/id/${org.id}/${user.id}`,
      asserted_user: true,
      user_id: user.id,
      organization_id: org.id,
      username: org.username,
      display_name: user.name,
      email: org.username,
      active: true,
      user_type: "STANDARD",
      language: "ja",
      locale: "ja_JP",
      utcOffset: 32_400_000,
      urls: {
        rest: `${base}/services/data/v{version}/`,
        sobjects: `${base}/services/data/v{version}/sobjects/`,
        query: `${base}/services/data/v{version}/query/`,
      },
    });
  });
}
