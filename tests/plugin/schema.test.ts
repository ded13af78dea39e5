import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as z from "zod";
import { repoRoot } from "../../testkit/host/paths";
import { corsRuleSchema } from "../../provider/model/schema";
import { CORS_METHODS } from "../../provider/model/methods";
import { expectationSchema } from "../../provider/lifecycle/expectation-schema";
import { policyFieldsSchema, policyOutputsSchema, timeoutsSchema } from "../../provider/lifecycle/schema";
import { ON_EXISTING, VERIFY_MODES } from "../../provider/operations/options";
import { PROFILE_NAMES } from "../../provider/profiles/types";
import { R2_JURISDICTIONS, targetSchema } from "../../provider/targets";
import { PROVIDER_CONFIG_KEYS } from "../../provider/backends/provider-config";
import { packageSchema, RESOURCE_TOKEN, SET_TOKEN } from "../../plugin/schema";

/*
 * The package schema the plugin serves holds the same fields as the one zod schema: every input
 * of policyFieldsSchema, every output of policyOutputsSchema, the nested objects' fields and the
 * closed vocabularies, each read from its own definition here, never from the schema under test.
 */

interface Spec {
  readonly type?: string;
  readonly $ref?: string;
  readonly secret?: boolean;
  readonly description?: string;
  readonly items?: Spec;
  readonly oneOf?: Spec[];
}
interface NamedType {
  readonly properties?: Record<string, Spec>;
  readonly required?: string[];
  readonly enum?: { value: string }[];
}
interface Resource {
  readonly inputProperties: Record<string, Spec>;
  readonly requiredInputs: string[];
  readonly properties: Record<string, Spec>;
  readonly required: string[];
}
interface Schema {
  readonly name: string;
  readonly version: string;
  readonly config: { variables: Record<string, Spec> };
  readonly provider: { inputProperties: Record<string, Spec> };
  readonly resources: Record<string, Resource>;
  readonly types: Record<string, NamedType>;
}

const schema = JSON.parse(packageSchema("1.2.3")) as Schema;
const resource = schema.resources[RESOURCE_TOKEN] as Resource;

/** The named type a property refers to (through a list's items). */
function typeOf(spec: Spec | undefined): NamedType {
  const ref = spec?.$ref ?? spec?.items?.$ref;
  const named = ref === undefined ? undefined : schema.types[ref.replace("#/types/", "")];
  if (named === undefined) throw new Error(`no named type behind ${JSON.stringify(spec)}`);
  return named;
}

function keysOf(shape: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(shape).sort();
}

/** The keys a program must give: neither optional nor defaulted. */
function requiredOf(shape: Readonly<Record<string, z.ZodType>>): string[] {
  return Object.entries(shape)
    .filter(([, field]) => !(field instanceof z.ZodOptional) && !(field instanceof z.ZodDefault))
    .map(([key]) => key);
}

describe("The plugin's package schema and the zod schema", () => {
  test("the resource's inputs are the fields of policyFieldsSchema, required as there", () => {
    expect(keysOf(resource.inputProperties)).toEqual(keysOf(policyFieldsSchema().shape));
    expect(resource.requiredInputs).toEqual(requiredOf(policyFieldsSchema().shape));
    expect(resource.requiredInputs).toEqual(["target"]);
  });

  test("the resource's outputs are the fields of policyOutputsSchema, required as there", () => {
    expect(keysOf(resource.properties)).toEqual(keysOf(policyOutputsSchema().shape));
    expect(resource.required).toEqual(requiredOf(policyOutputsSchema().shape));
  });

  test("nested objects have the fields of their own schemas", () => {
    const target = typeOf(resource.inputProperties["target"]);
    expect(keysOf(target.properties ?? {})).toEqual(keysOf(targetSchema().shape));
    expect(target.required).toEqual(["profile", "bucket"]);
    expect(keysOf(typeOf(target.properties?.["credentials"]).properties ?? {})).toEqual(["accessKeyIdEnv", "secretAccessKeyEnv", "sessionTokenEnv"]);
    expect(keysOf(typeOf(resource.inputProperties["rules"]).properties ?? {})).toEqual(keysOf(corsRuleSchema().shape));
    expect(keysOf(typeOf(resource.inputProperties["expect"]).properties ?? {})).toEqual(keysOf(expectationSchema().shape));
    expect(keysOf(typeOf(resource.inputProperties["timeouts"]).properties ?? {})).toEqual(keysOf(timeoutsSchema().shape));
  });

  test("closed vocabularies are enums with the tuples' members", () => {
    const values = (spec: Spec | undefined): string[] => (typeOf(spec).enum ?? []).map((e) => e.value);
    const target = typeOf(resource.inputProperties["target"]).properties ?? {};
    expect(values(target["profile"])).toEqual([...PROFILE_NAMES]);
    expect(values(target["jurisdiction"])).toEqual([...R2_JURISDICTIONS]);
    expect(values(resource.inputProperties["onExisting"])).toEqual([...ON_EXISTING]);
    expect(values(resource.inputProperties["verify"])).toEqual([...VERIFY_MODES]);
    // Stored rules hold upper-case methods; written ones may be any case, so their methods are strings.
    expect(values(typeOf(resource.properties["rules"]).properties?.["allowedMethods"]?.items)).toEqual([...CORS_METHODS]);
    expect(typeOf(resource.inputProperties["rules"]).properties?.["allowedMethods"]).toEqual({
      type: "array",
      items: { type: "string" },
      description: "Methods allowed, any case on input (normalized to upper case).",
    });
  });

  test("the component CorsPolicySet takes every input of a CorsPolicy but target, and targets (a list of the same Target); its output is resourceIds", () => {
    const set = schema.resources[SET_TOKEN] as Resource & { isComponent?: boolean };
    const { target, ...shared } = policyFieldsSchema().shape;
    expect(set.isComponent).toBe(true);
    expect(keysOf(set.inputProperties)).toEqual(keysOf({ ...shared, targets: target }));
    expect(set.requiredInputs).toEqual(["targets"]);
    expect(set.inputProperties["targets"]?.items).toEqual({ $ref: resource.inputProperties["target"]?.$ref });
    for (const key of keysOf(shared)) expect([key, set.inputProperties[key]]).toEqual([key, resource.inputProperties[key]]);
    expect(keysOf(set.properties)).toEqual(["resourceIds"]);
    expect(set.properties["resourceIds"]).toEqual({
      type: "array",
      items: { type: "string" },
      description: "Resource ids of the children (`r2:acct/assets`...), in the order of `targets`.",
    });
    expect(set.required).toEqual(["resourceIds"]);
  });

  test("every field is typed: none fell back to Any (a hand-checked field without a wire shape would)", () => {
    expect(packageSchema("1.2.3")).not.toContain("pulumi.json#/Any");
  });

  test("the provider's configuration is the keys the dynamic provider reads, the secret ones marked secret", () => {
    const expected = { accessKeyId: { type: "string" }, secretAccessKey: { type: "string", secret: true }, sessionToken: { type: "string", secret: true } };
    expect(keysOf(expected)).toEqual([...PROVIDER_CONFIG_KEYS].sort());
    expect(schema.config.variables).toEqual(expected);
    expect(schema.provider.inputProperties).toEqual(expected);
    expect([schema.name, schema.version]).toEqual(["bucket-cors", "1.2.3"]);
  });
});

describe("The plugin's package schema's descriptions", () => {
  const docs = JSON.parse(fs.readFileSync(path.join(repoRoot(), "plugin", "docs.json"), "utf8")) as {
    resource: Record<string, string>;
    outputs: Record<string, string>;
  };

  test("are the TypeScript docs of the same fields, and plugin/docs.json is what the sources' JSDoc gives now", () => {
    const check = spawnSync(process.execPath, [path.join(repoRoot(), "scripts", "plugin-docs.mjs"), "--check"], { encoding: "utf8" });
    expect([check.status, check.stderr]).toEqual([0, ""]);
    expect(resource.inputProperties["verify"]?.description).toBe(docs.resource["verify"]);
    expect(resource.properties["fingerprint"]?.description).toBe("`sha256:` + 16 hex digits of the normalized rules that were applied.");
    expect(typeOf(resource.inputProperties["rules"]).properties?.["id"]?.description).toBe("Rule identifier (S3 `ID`).\n\nDefault: no identifier");
  });

  test("every input, output and object property has one", () => {
    const undocumented = [
      ...Object.entries(resource.inputProperties).map(([key, spec]) => [`inputs.${key}`, spec] as const),
      ...Object.entries(resource.properties).map(([key, spec]) => [`outputs.${key}`, spec] as const),
      ...Object.entries(schema.types).flatMap(([name, type]) => Object.entries(type.properties ?? {}).map(([key, spec]) => [`${name}.${key}`, spec] as const)),
    ]
      .filter(([, spec]) => spec.description === undefined || spec.description === "")
      .map(([where]) => where);
    expect(undocumented).toEqual([]);
  });
});
