const DEFAULT_AFTER_SIGN_IN = "/leads";

/**
 * A callbackUrl from the query string, kept only when it points into this app: anything else
 * (another origin, "//host", "/\host") would make the sign-in page an open redirect.
 */
export function safeCallbackUrl(raw: string | string[] | undefined, origin?: string): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value) return DEFAULT_AFTER_SIGN_IN;

  // next-auth sends absolute callback URLs of our own origin; reduce them to a path.
  if (origin && value.startsWith(`${origin}/`)) return safeCallbackUrl(value.slice(origin.length));

  const isLocalPath = value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\");
  if (!isLocalPath || value.startsWith("/signin")) return DEFAULT_AFTER_SIGN_IN;
  return value;
}
