import { createHash } from "node:crypto";
import { normalize } from "../model/normalize";
import type { CorsRule } from "../model/schema";

/**
 * True when two rule lists mean the same to a server. Both are normalized (order
 * of origins/headers, method case...), and rule IDs are compared the way servers
 * rewrite them: s3rver stores "007" as "7" and "1e3" as "1000", and trims spaces
 * (docs/test-servers.md, "s3rver"). IDs never change how a request is answered.
 */
export function sameRules(a: readonly CorsRule[], b: readonly CorsRule[]): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** A short fingerprint of what a rule list means, stable across server rewrites. */
export function fingerprintOf(rules: readonly CorsRule[]): string {
  return `sha256:${createHash("sha256").update(canonicalJson(rules)).digest("hex").slice(0, 16)}`;
}

function canonicalJson(rules: readonly CorsRule[]): string {
  const normalized = normalize({ rules: rules.map((r) => ({ ...r })) }).rules.map((rule) => {
    const { id, ...rest } = rule;
    return id === undefined ? rest : { id: canonicalId(id), ...rest };
  });
  return JSON.stringify(normalized);
}

function canonicalId(id: string): string {
  const trimmed = id.trim();
  const asNumber = Number(trimmed);
  return trimmed !== "" && Number.isFinite(asNumber) ? String(asNumber) : trimmed;
}

/** JSON with object keys sorted, so values that went through protobuf Structs compare equal. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
