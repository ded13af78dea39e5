/** Where an issue is: property names and list indexes from the document's root, e.g. `["rules", 1, "allowedOrigins", 0]`. */
export type IssuePath = readonly (string | number)[];

/** Renders a path the way every message of ours does: `rules[1].allowedOrigins[0]`; `""` for the root. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}
