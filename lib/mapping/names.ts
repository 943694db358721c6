// Splitting a person's name into CRM first/last names (case C11). Japanese names are written
// family name first, separated by a full-width space (U+3000), an ASCII space or nothing.

export const NAME_ORDERS = ["auto", "family_first", "given_first"] as const;
export type NameOrder = (typeof NAME_ORDERS)[number];

export interface SplitName {
  firstName: string;
  lastName: string;
}

// Han, Hiragana, Katakana (incl. half-width) and Hangul: scripts written family name first.
const FAMILY_FIRST_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

function resolveOrder(name: string, order: NameOrder): Exclude<NameOrder, "auto"> {
  if (order !== "auto") return order;
  return FAMILY_FIRST_SCRIPT.test(name) ? "family_first" : "given_first";
}

/**
 * Splits on any run of white space (JavaScript's \s includes U+3000). An unseparated name or a
 * single token becomes the last name alone: the CRMs require a last name, and guessing where a
 * Japanese name splits would be wrong more often than right.
 */
export function splitPersonName(fullName: string, order: NameOrder = "auto"): SplitName {
  const tokens = fullName.trim().split(/\s+/u).filter(Boolean);
  if (tokens.length === 0) return { firstName: "", lastName: "" };
  if (tokens.length === 1) return { firstName: "", lastName: tokens[0] as string };
  if (resolveOrder(fullName, order) === "family_first") {
    return { lastName: tokens[0] as string, firstName: tokens.slice(1).join(" ") };
  }
  return { firstName: tokens.slice(0, -1).join(" "), lastName: tokens.at(-1) as string };
}
