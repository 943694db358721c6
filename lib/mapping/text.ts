/** Cuts `text` to at most `maxLength` code points; never splits a surrogate pair. */
export function truncateCodePoints(text: string, maxLength: number): string {
  const codePoints = Array.from(text);
  return codePoints.length <= maxLength ? text : codePoints.slice(0, maxLength).join("");
}
