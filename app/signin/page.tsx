import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { SignInForm } from "@/components/signin/sign-in-form";
import { getSignedInUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/config/env";
import { loadAdminContext } from "@/lib/ui/require-admin";
import { safeCallbackUrl } from "@/lib/ui/safe-callback-url";

export const metadata: Metadata = { title: "Sign in · DiagnoLeads CRM Sync" };

interface SignInPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function SignInPage({ searchParams }: SignInPageProps) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl, new URL(getEnv().APP_URL).origin);
  if (await loadAdminContext()) redirect(callbackUrl);
  const signedInWithoutTenant = (await getSignedInUser()) !== null;

  return (
    <section className="signin card">
      <h1>Sign in</h1>
      {signedInWithoutTenant ? (
        <p className="banner banner--warning" role="status">
          Your account is not an admin of any tenant. Sign in with a tenant admin account.
        </p>
      ) : null}
      <SignInForm callbackUrl={callbackUrl} />
    </section>
  );
}
