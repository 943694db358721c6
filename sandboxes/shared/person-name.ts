// Japanese names read family name first; Latin-script names read given name first.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** A person's name as a sales rep would read it in the console. */
export function displayName(first: unknown, last: unknown): string {
  const given = first === null || first === undefined ? "" : String(first);
  const family = last === null || last === undefined ? "" : String(last);
  const parts = CJK.test(given) || CJK.test(family) ? [family, given] : [given, family];
  return parts.filter((part) => part.trim() !== "").join(" ");
}
