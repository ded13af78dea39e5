/*
 * A JSON Schema (what zod's `z.toJSONSchema` gives for one field) as a Pulumi package schema type
 * (https://www.pulumi.com/docs/iac/extending-pulumi/schema/#typespec). Objects and string enums
 * become named types of the package, registered in `types` under `bucket-cors:index:<Name>`.
 */

/** The JSON Schema subset zod emits for the CorsPolicy's wire shapes. */
export interface JsonSchema {
  readonly type?: string;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly additionalProperties?: JsonSchema | boolean;
  readonly anyOf?: readonly JsonSchema[];
}

/** A Pulumi schema type spec (the fields this package uses). */
export interface TypeSpec {
  readonly type?: string;
  readonly $ref?: string;
  readonly items?: TypeSpec;
  readonly additionalProperties?: TypeSpec;
  readonly oneOf?: readonly TypeSpec[];
}

/** A named type of the package: an object with properties, or a string enum. */
export type NamedType =
  | { readonly type: "object"; readonly properties: Record<string, TypeSpec>; readonly required?: string[] }
  | { readonly type: "string"; readonly enum: { readonly value: string }[] };

export const PACKAGE = "bucket-cors";

/** Pulumi's "any" type: a value zod could not describe (a check by hand with no recorded wire shape). */
const ANY: TypeSpec = { $ref: "pulumi.json#/Any" };

/**
 * The Pulumi type of `json`; `name` is the type name an object or enum takes (PascalCase of its
 * path), and `types` collects the named types met on the way.
 */
export function toTypeSpec(json: JsonSchema, name: string, types: Map<string, NamedType>): TypeSpec {
  // A union's object member is the field's options (`lint: false | { suppress }`).
  if (json.anyOf !== undefined) return { oneOf: json.anyOf.map((member) => toTypeSpec(member, `${name}Options`, types)) };
  if (json.enum !== undefined && json.enum.every((v): v is string => typeof v === "string")) {
    return named(name, { type: "string", enum: json.enum.map((value) => ({ value })) }, types);
  }
  switch (json.type) {
    case "string":
    case "boolean":
    case "integer":
    case "number":
      return { type: json.type };
    case "array":
      return { type: "array", items: json.items === undefined ? ANY : toTypeSpec(json.items, singular(name), types) };
    case "object":
      return objectSpec(json, name, types);
    default:
      return ANY;
  }
}

/** An object: a named type when it has properties, a map when it only says what its values are. */
function objectSpec(json: JsonSchema, name: string, types: Map<string, NamedType>): TypeSpec {
  if (json.properties === undefined) {
    const values = typeof json.additionalProperties === "object" ? toTypeSpec(json.additionalProperties, `${name}Value`, types) : ANY;
    return { type: "object", additionalProperties: values };
  }
  const properties: Record<string, TypeSpec> = {};
  for (const [key, value] of Object.entries(json.properties)) properties[key] = toTypeSpec(value, `${name}${pascal(key)}`, types);
  const required = json.required === undefined || json.required.length === 0 ? {} : { required: [...json.required] };
  return named(name, { type: "object", properties, ...required }, types);
}

/**
 * Registers a named type. The outputs are the normalized inputs, so a type may differ between
 * them (a stored rule's methods are an enum, a written one's any case): the stored one is then `<Name>Stored`.
 */
function named(name: string, spec: NamedType, types: Map<string, NamedType>): TypeSpec {
  const existing = types.get(name);
  const unique = existing === undefined || JSON.stringify(existing) === JSON.stringify(spec) ? name : `${name}Stored`;
  types.set(unique, spec);
  return { $ref: `#/types/${PACKAGE}:index:${unique}` };
}

export function pascal(key: string): string {
  return key.charAt(0).toUpperCase() + key.slice(1);
}

/** The name of a list's items: `Rules` → `Rule`, `Expect` → `ExpectItem`. */
function singular(name: string): string {
  return name.endsWith("s") ? name.slice(0, -1) : `${name}Item`;
}
