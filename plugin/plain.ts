/*
 * Requests carry secrets as `{ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value }`
 * since Configure accepts secrets, which the engine (3.248) requires of any plugin that constructs
 * components: a Construct is refused with "plugins that can construct components must support
 * secrets" otherwise (tests/engine/yaml-program.test.ts met it). The lifecycle takes plain values, as from the dynamic
 * host, so each request's values are unwrapped here. Nothing is lost: the engine marks an
 * output secret when the input of the same name was (pulumi/pulumi
 * sdk/go/common/resource/plugin/provider_plugin.go, annotateSecrets).
 */

/** The signature key of a secret value in the engine's structs (pulumi/pulumi sdk/go/common/resource/properties.go, SecretSig). */
export const SECRET_SIG = "4dabf18193072939515e22adb298388d";

/** `value` with every secret replaced by the value it holds, at any depth. */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (typeof value !== "object" || value === null) return value;
  if (SECRET_SIG in value) return withoutSecrets((value as { value?: unknown }).value);
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withoutSecrets(inner)]));
}
