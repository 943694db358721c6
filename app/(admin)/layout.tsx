import type { ReactNode } from "react";

import { requireAdmin } from "@/lib/ui/require-admin";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const admin = await requireAdmin();

  return (
    <>
      <p className="muted">Tenant: {admin.tenantName}</p>
      {children}
    </>
  );
}
