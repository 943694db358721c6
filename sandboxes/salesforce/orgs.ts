import { toEighteenCharId } from "./ids";

export type OrgRole = "production" | "sandbox";

export type SfOrg = {
  id: string;
  name: string;
  role: OrgRole;
  userId: string;
  username: string;
  leadStatuses: string[];
  defaultLeadStatus: string;
  apiAllocation: number;
  users: { id: string; name: string }[];
};

// Fixed ids keep URLs and test expectations stable across restarts.
export function defaultOrgs(apiAllocation: number): SfOrg[] {
  return [
    {
      id: toEighteenCharId("00D5g000004Prod"),
      name: "DiagnoLeads Demo (Production)",
      role: "production",
      userId: toEighteenCharId("0055g00000PrdUs"),
      username: "admin@diagnoleads-demo.example",
      leadStatuses: [
        "Open - Not Contacted",
        "Working - Contacted",
        "Closed - Converted",
        "Closed - Not Converted",
      ],
      defaultLeadStatus: "Open - Not Contacted",
      apiAllocation,
      users: [
        { id: toEighteenCharId("0055g00000PrdUs"), name: "Admin User" },
        { id: toEighteenCharId("0055g00000PrdR1"), name: "佐藤 営業" },
        { id: toEighteenCharId("0055g00000PrdR2"), name: "Jane Seller" },
      ],
    },
    {
      id: toEighteenCharId("00D5g000004Sbox"),
      name: "DiagnoLeads Demo (Sandbox)",
      role: "sandbox",
      userId: toEighteenCharId("0055g00000SbxUs"),
      username: "admin@diagnoleads-demo.example.dev",
      leadStatuses: ["New - Not Contacted", "Working", "Nurturing", "Qualified", "Unqualified"],
      defaultLeadStatus: "New - Not Contacted",
      apiAllocation,
      users: [
        { id: toEighteenCharId("0055g00000SbxUs"), name: "Sandbox Admin" },
        { id: toEighteenCharId("0055g00000SbxR1"), name: "鈴木 テスト" },
      ],
    },
  ];
}
