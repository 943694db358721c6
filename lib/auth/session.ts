import { getServerSession } from "next-auth";

import { authOptions } from "@/lib/auth/auth-options";
import { getPrisma } from "@/lib/db/client";

export interface AdminContext {
  userId: string;
  tenantId: string;
  tenantName: string;
  role: string;
}

/** The signed-in user's tenant memberships, read fresh from the database (never from the JWT). */
export async function getSignedInUser(): Promise<{ userId: string } | null> {
  const session = await getServerSession(authOptions);
  const userId = session?.user?.id;
  return userId ? { userId } : null;
}

/** The signed-in admin of `tenantId` (or of their first tenant when omitted), else null. */
export async function getAdminContext(tenantId?: string): Promise<AdminContext | null> {
  const user = await getSignedInUser();
  if (!user) return null;
  const membership = await getPrisma().membership.findFirst({
    where: { userId: user.userId, role: "admin", ...(tenantId ? { tenantId } : {}) },
    include: { tenant: true },
    orderBy: { createdAt: "asc" },
  });
  if (!membership) return null;
  return {
    userId: user.userId,
    tenantId: membership.tenantId,
    tenantName: membership.tenant.name,
    role: membership.role,
  };
}
