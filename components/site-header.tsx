import Link from "next/link";
import { getServerSession } from "next-auth";

import { SignOutButton } from "@/components/sign-out-button";
import { authOptions } from "@/lib/auth/auth-options";

const NAV_LINKS = [
  { href: "/leads", label: "Leads" },
  { href: "/integrations", label: "Integrations" },
  { href: "/field-mapping", label: "Field mapping" },
  { href: "/sync-log", label: "Sync log" },
];

export async function SiteHeader() {
  const session = await getServerSession(authOptions);
  const user = session?.user;

  return (
    <header className="site-header">
      <Link href="/" className="site-header__brand">
        DiagnoLeads CRM Sync
      </Link>
      {user ? (
        <>
          <nav className="site-header__nav" aria-label="Main">
            {NAV_LINKS.map((link) => (
              <Link key={link.href} href={link.href}>
                {link.label}
              </Link>
            ))}
          </nav>
          <div className="site-header__user">
            <span>{user.name ?? user.email}</span>
            <SignOutButton />
          </div>
        </>
      ) : null}
    </header>
  );
}
