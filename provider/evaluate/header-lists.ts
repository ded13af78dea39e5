/**
 * How each server splits `Access-Control-Request-Headers` into names. The
 * differences show in what is echoed and in whether an empty item fails a rule.
 */

/** AWS: comma-separated, trimmed, empty items dropped (LocalStack #12835 normalises `a,b`; cloudserver drops `,,`). */
export function awsHeaderList(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter((h) => h !== "");
}

/**
 * s3rver (lib/middleware/cors.js): `split(",")`, each item trimmed and
 * lower-cased, empty items kept, so `a,,b` asks for a header named "" that
 * only a pattern matching the empty string (`*`) allows.
 */
export function s3rverHeaderList(value: string | undefined): string[] {
  return value === undefined || value === "" ? [] : value.split(",").map((h) => h.trim().toLowerCase());
}

/** Ceph RGW: `get_str_vec`/`get_str_list`, cut at `;`, `,`, `=`, space and tab, empty items dropped, case kept. */
export function cephHeaderList(value: string | undefined): string[] {
  return (value ?? "").split(/[;,= \t]/).filter((h) => h !== "");
}

/** Swift: `set(list_from_csv(value))`, comma-separated, trimmed, empty items dropped, duplicates merged, case kept. */
export function swiftHeaderList(value: string | undefined): string[] {
  return [...new Set(awsHeaderList(value))];
}
