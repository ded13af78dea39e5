/**
 * Whether every value pattern `narrow` matches is also matched by pattern
 * `wide` (both S3 wildcard patterns). Sufficient, not exhaustive: it never
 * claims cover that does not hold, which is what a "never reached" warning
 * needs. `matches` decides a plain value (no `*` in `narrow`).
 */
export function covers(wide: string, narrow: string, matches: (pattern: string, value: string) => boolean): boolean {
  if (wide === "*" || wide === narrow) return true;
  const wideParts = wide.split("*");
  if (wideParts.length === 1) return false;
  const narrowParts = narrow.split("*");
  if (narrowParts.length === 1) return matches(wide, narrow);
  if (wideParts.length > 2) return false;
  // `c…d` ⊆ `a*b` when c starts with a and d ends with b: whatever `narrow`'s
  // stars stand for sits between a prefix starting with a and a suffix ending with b.
  return narrowParts[0]!.startsWith(wideParts[0]!) && narrowParts[narrowParts.length - 1]!.endsWith(wideParts[1]!);
}

/** {@link covers} for header names, which compare case-insensitively. */
export function coversIgnoringCase(wide: string, narrow: string, matches: (pattern: string, value: string) => boolean): boolean {
  return covers(wide.toLowerCase(), narrow.toLowerCase(), matches);
}
