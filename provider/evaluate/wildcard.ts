/**
 * Matches `value` against an S3 wildcard pattern: each `*` stands for any run
 * of characters, possibly empty, and the pattern is anchored at both ends
 * (`http://*.origin.com` does not match `http://test.origin.com/`, AWS
 * snapshot; Ceph, cloudserver and s3rver anchor with `^…$`). Whether `*`
 * may match nothing is not recorded on AWS; Ceph, cloudserver and s3rver say
 * yes (docs/cors-semantics.md, "2. Origin matching"). Patterns with several `*` (which validation
 * refuses) are matched the same way instead of throwing.
 * A plain loop, not a RegExp built from user text, so no pattern can be slow.
 */
export function wildcardMatch(pattern: string, value: string): boolean {
  const parts = pattern.split("*");
  if (parts.length === 1) return pattern === value;
  const head = parts[0]!;
  const tail = parts[parts.length - 1]!;
  if (value.length < head.length + tail.length) return false;
  if (!value.startsWith(head) || !value.endsWith(tail)) return false;
  const end = value.length - tail.length;
  let at = head.length;
  for (const middle of parts.slice(1, -1)) {
    const found = value.indexOf(middle, at);
    if (found < 0 || found + middle.length > end) return false;
    at = found + middle.length;
  }
  return true;
}

/** {@link wildcardMatch} ignoring ASCII case, as header names are compared (RFC 9110 §5.1). */
export function wildcardMatchIgnoringCase(pattern: string, value: string): boolean {
  return wildcardMatch(pattern.toLowerCase(), value.toLowerCase());
}

/**
 * Ceph RGW's `is_string_in_set` (src/rgw/rgw_cors.cc): an entry `*` matches
 * anything; otherwise an entry with a `*` checks the text before it as a
 * prefix and the text after it as a suffix, independently, so the two may
 * overlap (`ab*ba` matches `aba`). Pieces are cut at `*`, space and tab.
 */
export function cephMatch(patterns: readonly string[], value: string): boolean {
  if (patterns.includes("*") || patterns.includes(value)) return true;
  return patterns.some((pattern) => cephPatternMatch(pattern, value));
}

function cephPatternMatch(pattern: string, value: string): boolean {
  const star = pattern.indexOf("*");
  if (star < 0) return false;
  const pieces = pattern.split(/[* \t]/).filter((p) => p !== "");
  if (star !== 0) {
    const prefix = pieces.shift();
    if (prefix === undefined || !value.startsWith(prefix)) return false;
  }
  if (star !== pattern.length - 1) {
    const suffix = pieces.shift();
    if (suffix === undefined || !value.endsWith(suffix)) return false;
  }
  return pieces.length === 0;
}
