import { randomInt } from "node:crypto";

const ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const SUFFIX_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

export const KEY_PREFIXES: Record<string, string> = {
  Lead: "00Q",
  Contact: "003",
  Account: "001",
  Task: "00T",
  Organization: "00D",
  User: "005",
  QueryLocator: "01g",
};

// Salesforce 18-char ids are the 15-char case-sensitive id plus a 3-char case-fold checksum.
export function toEighteenCharId(id15: string): string {
  let suffix = "";
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const ch = id15[chunk * 5 + i] ?? "";
      if (ch >= "A" && ch <= "Z") bits |= 1 << i;
    }
    suffix += SUFFIX_CHARS[bits];
  }
  return id15 + suffix;
}

export function newSalesforceId(objectName: string): string {
  const prefix = KEY_PREFIXES[objectName] ?? "a00";
  let body = "0000";
  for (let i = 0; i < 8; i++) body += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return toEighteenCharId(prefix + body);
}

export function isSalesforceIdShape(value: string): boolean {
  return /^[a-zA-Z0-9]{15}([A-Z0-5]{3})?$/.test(value);
}
