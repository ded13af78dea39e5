import { isObject, UNKNOWN, type Json } from "./wire";

/**
 * Path of the first unknown (`04da6b54-…`) inside a value, or undefined. Outside preview the
 * engine marshals with RejectUnknowns, so an unknown there is an error (docs/provider-host.md, "Unknowns and preview").
 */
export function findUnknown(value: Json, path = ""): string | undefined {
  if (value === UNKNOWN) return path;
  const entries: [string, Json][] = Array.isArray(value)
    ? value.map((v, i) => [`${path}[${i}]`, v])
    : isObject(value)
      ? Object.entries(value).map(([k, v]) => [path === "" ? k : `${path}.${k}`, v])
      : [];
  for (const [childPath, child] of entries) {
    const found = findUnknown(child, childPath);
    if (found !== undefined) return found;
  }
  return undefined;
}
