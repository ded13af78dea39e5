import { isObject, isSecret, secret, type Json, type JsonObject } from "./wire";

/**
 * Unwraps every secret, as the engine does when marshalling to a provider that answered
 * Configure with acceptSecrets:false (the dynamic provider host always does; docs/provider-host.md, "Secrets").
 */
export function stripSecrets<T extends Json>(value: T): T;
export function stripSecrets(value: Json): Json {
  if (isSecret(value)) return stripSecrets(value.value);
  if (Array.isArray(value)) return value.map((v) => stripSecrets(v));
  if (isObject(value)) return mapValues(value, (v) => stripSecrets(v));
  return value;
}

/** True when the value holds a secret anywhere inside it. */
export function containsSecret(value: Json): boolean {
  if (isSecret(value)) return true;
  if (Array.isArray(value)) return value.some(containsSecret);
  if (isObject(value)) return Object.values(value).some(containsSecret);
  return false;
}

/**
 * The engine's `annotateSecrets(outs, ins)` (sdk/go/common/resource/plugin/provider_plugin.go):
 * a top-level output whose same-named input held a secret is wrapped again; when both are
 * objects, the rule is applied to their keys recursively instead.
 */
export function annotateSecrets(outputs: JsonObject, inputs: JsonObject): JsonObject {
  const result: JsonObject = {};
  for (const [key, out] of Object.entries(outputs)) {
    const input = inputs[key];
    result[key] = input === undefined ? out : annotateValue(out, input);
  }
  return result;
}

function annotateValue(out: Json, input: Json): Json {
  if (isSecret(out)) return out;
  if (isSecret(input)) return secret(out);
  if (isObject(out) && isObject(input)) return annotateSecrets(out, input);
  return out;
}

function mapValues(obj: JsonObject, fn: (v: Json) => Json): JsonObject {
  const result: JsonObject = {};
  for (const [k, v] of Object.entries(obj)) result[k] = fn(v);
  return result;
}
