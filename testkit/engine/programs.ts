/**
 * TypeScript programs for the engine tests, written the way a user writes them: presets from
 * `cors.targets`, plain object literals for the rules, compiled by the project's tsc under the
 * template's strict tsconfig (so a type error in our public API fails the test).
 */

/** A preset call: `cors.targets.<preset>(<args>)`. Args are JSON, or TS source via {@link code}. */
export interface TargetSpec {
  readonly preset: string;
  readonly args: Record<string, unknown>;
}

/** One `new cors.CorsPolicy(name, { target, ...args })`. */
export interface PolicySpec {
  readonly name: string;
  readonly target: TargetSpec;
  /** Every other CorsPolicy argument (rules, document, onExisting, expect, verify …). */
  readonly args: Record<string, unknown>;
  /** Resource options, as TS source (e.g. `{ dependsOn: [bucket] }`). */
  readonly options?: string;
}

const CODE = Symbol("code");

/** A value emitted as TypeScript source instead of JSON (e.g. `bucket.id`). */
export interface Code {
  readonly [CODE]: string;
}

export function code(source: string): Code {
  return { [CODE]: source };
}

/** Renders a JSON-like value as a TS expression; {@link code} values go in verbatim. */
export function literal(value: unknown): string {
  if (typeof value === "object" && value !== null && CODE in value) return (value as Code)[CODE];
  if (Array.isArray(value)) return `[${value.map(literal).join(", ")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${literal(v)}`).join(", ")} }`;
  }
  return JSON.stringify(value);
}

export function target(spec: TargetSpec): Code {
  return code(`cors.targets.${spec.preset}(${literal(spec.args)})`);
}

export function policyStatement(spec: PolicySpec): string {
  const options = spec.options === undefined ? "" : `, ${spec.options}`;
  return `new cors.CorsPolicy(${JSON.stringify(spec.name)}, ${literal({ target: target(spec.target), ...spec.args })}${options});`;
}

/** A whole program: the imports, optional preamble (more declarations), then the policies. */
export function program(policies: readonly PolicySpec[], preamble: readonly string[] = []): string {
  return [
    `import * as pulumi from "@pulumi/pulumi";`,
    `import * as cors from "pulumi-bucket-cors";`,
    ``,
    ...preamble,
    ...policies.map(policyStatement),
    `void pulumi;`,
    ``,
  ].join("\n");
}
