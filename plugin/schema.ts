import * as z from "zod";
import { PROVIDER_CONFIG_KEYS } from "../provider/backends/provider-config";
import { policyFieldsSchema, policyOutputsSchema } from "../provider/lifecycle/schema";
import { policySetFieldsSchema, policySetOutputsSchema } from "../provider/lifecycle/set-schema";
import { checkedBy } from "../provider/lifecycle/known";
import { PACKAGE, pascal, toTypeSpec, type JsonSchema, type NamedType, type TypeSpec } from "./json-to-pulumi";
import { PROVIDER_SECRET_KEYS } from "./config";
import docs from "./docs.json";
import { RESOURCE_TOKEN, SET_TOKEN } from "./tokens";

export { RESOURCE_TOKEN, SET_TOKEN };

/*
 * The package schema `GetSchema` answers (`pulumi package get-schema`), built from the one zod
 * schema of a CorsPolicy: its inputs are the fields of `policyFieldsSchema`, its outputs the
 * fields of `policyOutputsSchema`, each typed from its JSON Schema (a field checked only once known,
 * provider/lifecycle/known.ts, from the schema it is checked with).
 * Nothing here lists a field. Format: https://www.pulumi.com/docs/iac/extending-pulumi/schema/.
 */

/** A property of a resource or of the provider. */
interface PropertySpec extends TypeSpec {
  readonly secret?: boolean;
  readonly description?: string;
}

type Shape = Readonly<Record<string, z.ZodType>>;

/** The package schema, as the JSON text the engine takes. */
export function packageSchema(version: string): string {
  const types = new Map<string, NamedType>();
  const inputs = propertiesOf(policyFieldsSchema().shape, "input", types, docs.resource);
  const outputs = propertiesOf(policyOutputsSchema().shape, "output", types, { ...docs.resource, ...docs.outputs });
  const setInputs = propertiesOf(policySetFieldsSchema().shape, "input", types, { ...docs.resource, ...docs.set.inputs });
  const setOutputs = propertiesOf(policySetOutputsSchema().shape, "output", types, docs.set.outputs);
  const config = providerConfig();
  const schema = {
    name: PACKAGE,
    version,
    displayName: "Bucket CORS",
    description: "Declare, diff, apply and verify the CORS policy of S3-compatible buckets and OpenStack Swift containers.",
    license: "Apache-2.0",
    config: { variables: config },
    provider: { description: "The bucket-cors provider: credentials used when a target names no environment variables for them.", inputProperties: config },
    resources: {
      [RESOURCE_TOKEN]: {
        description:
          "The CORS policy of one bucket (or Swift container): validated at preview, applied and confirmed at up. A target and exactly one of rules or document.",
        inputProperties: inputs.properties,
        requiredInputs: inputs.required,
        properties: outputs.properties,
        required: outputs.required,
      },
      // A component (the engine calls Construct): https://www.pulumi.com/docs/iac/extending-pulumi/schema/#resource
      [SET_TOKEN]: {
        isComponent: true,
        description:
          "One CORS rule set applied to many buckets across clouds: each target becomes a child CorsPolicy named `<name>-<profile>-<bucket>`, validated against its own vendor profile.",
        inputProperties: setInputs.properties,
        requiredInputs: setInputs.required,
        properties: setOutputs.properties,
        required: setOutputs.required,
      },
    },
    types: Object.fromEntries([...types].map(([name, spec]) => [`${PACKAGE}:index:${name}`, describedType(name, spec)])),
  };
  return JSON.stringify(schema, null, 2);
}

/** The properties of an object schema's shape, typed from each field's wire shape; required = neither optional nor defaulted. */
function propertiesOf(
  shape: Shape,
  io: "input" | "output",
  types: Map<string, NamedType>,
  descriptions: Readonly<Record<string, string>>,
): { properties: Record<string, PropertySpec>; required: string[] } {
  const properties: Record<string, PropertySpec> = {};
  const required: string[] = [];
  for (const [key, field] of Object.entries(shape)) {
    const inner = unwrapped(field);
    const json = jsonSchemaOf(inner, io);
    properties[key] = described(toTypeSpec(json, typeName(key), types), descriptions[key]);
    if (inner === field) required.push(key);
  }
  return { properties, required };
}

/** zod's JSON Schema of `schema`, where each field checked only once known is described by the schema it is checked with. */
function jsonSchemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  return z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
    override: ({ zodSchema, jsonSchema }) => {
      const checked = checkedBy(zodSchema);
      if (checked === undefined) return;
      const { $schema: _dialect, ...described } = jsonSchemaOf(checked, io) as JsonSchema & { $schema?: string };
      Object.assign(jsonSchema, described);
    },
  }) as JsonSchema;
}

/**
 * Descriptions: the TypeScript docs of the same fields (the JSDoc of sdk/args.ts and the public
 * types, the comments of the output fields), gathered into docs.json by scripts/plugin-docs.mjs.
 */
function described<T extends TypeSpec>(spec: T, description: string | undefined): T & { description?: string } {
  return description === undefined ? spec : { ...spec, description };
}

const TYPE_DOCS: Readonly<Record<string, Readonly<Record<string, string>>>> = docs.types;

/** A named object type with its properties described (a `<Name>Stored` type as `<Name>`). */
function describedType(name: string, spec: NamedType): NamedType {
  const fields = TYPE_DOCS[name.replace(/Stored$/, "")];
  if (spec.type !== "object" || fields === undefined) return spec;
  const properties = Object.fromEntries(Object.entries(spec.properties).map(([key, value]) => [key, described(value, fields[key])]));
  return { ...spec, properties };
}

/** The field's schema without its `.optional()` / `.default()`. */
function unwrapped(field: z.ZodType): z.ZodType {
  let schema = field;
  while (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) schema = schema.unwrap() as z.ZodType;
  return schema;
}

/**
 * Names of the types of the fields whose PascalCase name would read wrong (a list's items are named from it).
 * `replacedRules` is a list of rule lists: named so that its items' items are the stored `CorsRule` again,
 * not a copy of it under another name in every SDK.
 */
const TYPE_NAMES: Readonly<Record<string, string>> = { rules: "CorsRules", expect: "Expectations", verify: "VerifyMode", replacedRules: "CorsRuless" };

function typeName(key: string): string {
  return TYPE_NAMES[key] ?? pascal(key);
}

/** The provider's configuration: the `bucket-cors:*` keys the dynamic provider reads too. */
function providerConfig(): Record<string, PropertySpec> {
  const secret = new Set<string>(PROVIDER_SECRET_KEYS);
  return Object.fromEntries(PROVIDER_CONFIG_KEYS.map((key) => [key, { type: "string", ...(secret.has(key) ? { secret: true } : {}) }]));
}
