import { issueApiKey } from "@/lib/auth/api-keys";
import { hashPassword } from "@/lib/auth/password";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { LeadCreateInput } from "@/lib/leads/lead-schemas";
import { insertLead } from "@/lib/leads/lead-service";

// The demo tenant the quick start signs in to. Idempotent: a second run changes nothing but
// the demo API key, which is issued afresh each time because a key is only ever shown once.

export const DEMO_TENANT_SLUG = "demo";
export const DEMO_ADMIN_EMAIL = "admin@demo.diagnoleads.test";
export const DEMO_ADMIN_PASSWORD = "demo-password-2026";

export const DEMO_LEADS: LeadCreateInput[] = [
  {
    name: "山田　太郎",
    email: "taro.yamada@example.jp",
    company: "山田製作所株式会社",
    phone: "03-1234-5678",
    score: 86,
    priority_level: "Hot",
    detected_challenges: ["営業プロセスの属人化", "リード管理の分散"],
  },
  {
    name: "佐藤花子",
    email: "hanako.sato@example.jp",
    company: "佐藤商事",
    score: 64,
    priority_level: "Warm",
    detected_challenges: ["マーケティングROIの可視化"],
  },
  {
    name: "John Smith",
    email: "john.smith@example.com",
    company: "Acme Corporation",
    phone: "+1 415 555 0100",
    score: 42,
    priority_level: "Warm",
    detected_challenges: ["Slow lead follow-up"],
  },
  {
    name: "Emily Chen",
    email: "emily.chen@example.com",
    company: "Globex",
    score: 18,
    priority_level: "Cold",
    detected_challenges: [],
  },
];

export interface SeededTenant {
  tenantId: string;
  apiKey: string;
}

export interface TenantSeed {
  slug: string;
  name: string;
  adminEmail: string;
  adminPassword: string;
  leads: LeadCreateInput[];
}

/** A tenant, its admin, its leads (queued for the CRM) and a fresh API key. */
export async function seedTenant(db: PrismaClient, seed: TenantSeed): Promise<SeededTenant> {
  const tenant = await db.tenant.upsert({
    where: { slug: seed.slug },
    create: { slug: seed.slug, name: seed.name },
    update: {},
  });
  const user = await db.user.upsert({
    where: { email: seed.adminEmail },
    create: {
      email: seed.adminEmail,
      name: "Demo Admin",
      passwordHash: await hashPassword(seed.adminPassword),
    },
    update: {},
  });
  await db.membership.upsert({
    where: { tenantId_userId: { tenantId: tenant.id, userId: user.id } },
    create: { tenantId: tenant.id, userId: user.id, role: "admin" },
    update: {},
  });
  if ((await db.lead.count({ where: { tenantId: tenant.id } })) === 0) {
    // Queued in the outbox: they reach the CRM once the admin connects one.
    await db.$transaction(async (tx) => {
      for (const lead of seed.leads) await insertLead(tx, tenant.id, lead);
    });
  }
  await db.apiKey.updateMany({
    where: { tenantId: tenant.id, name: "demo", revokedAt: null },
    data: { revokedAt: new Date() },
  });
  const { key } = await issueApiKey(db, tenant.id, "demo");
  return { tenantId: tenant.id, apiKey: key };
}

export function seedDemoTenant(db: PrismaClient): Promise<SeededTenant> {
  return seedTenant(db, {
    slug: DEMO_TENANT_SLUG,
    name: "デモ株式会社 (Demo Inc.)",
    adminEmail: DEMO_ADMIN_EMAIL,
    adminPassword: DEMO_ADMIN_PASSWORD,
    leads: DEMO_LEADS,
  });
}
