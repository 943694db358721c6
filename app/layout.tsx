import type { Metadata } from "next";
import type { ReactNode } from "react";

import { QueryProvider } from "@/components/query-provider";
import { SiteHeader } from "@/components/site-header";

import "./globals.css";

export const metadata: Metadata = {
  title: "DiagnoLeads CRM Sync",
  description: "Tenant administration for DiagnoLeads CRM Sync",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
      </head>
      <body>
        <SiteHeader />
        <QueryProvider>
          <main className="page">{children}</main>
        </QueryProvider>
      </body>
    </html>
  );
}
