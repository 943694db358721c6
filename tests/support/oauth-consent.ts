// Answers a sandbox CRM's consent page the way a browser would: load it, submit its form.

export async function answerConsent(
  authUrl: string,
  decision: "approve" | "deny" = "approve",
): Promise<URL> {
  const page = await fetch(authUrl);
  const html = await page.text();
  if (!page.ok) throw new Error(`Consent page failed (${page.status}): ${html.slice(0, 200)}`);
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error("No consent form on the page");
  const fields = new URLSearchParams({ decision });
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) {
    fields.set(match[1] as string, match[2] as string);
  }
  const answer = await fetch(new URL(action, authUrl), {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: fields,
  });
  const location = answer.headers.get("location");
  if (!location) throw new Error(`Consent answer did not redirect (${answer.status})`);
  return new URL(location);
}
