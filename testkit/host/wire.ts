/**
 * The property encoding shared by the nodejs SDK, the engine and the provider host
 * (node_modules/@pulumi/pulumi/runtime/rpc.js; docs/provider-host.md, "Secrets" and "Unknowns and preview").
 */

/** Any value that survives `Struct.fromJavaScript` / `toJavaScript`. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** `specialSigKey` in runtime/rpc.js: marks an object as a special value. */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
/** `specialSecretSig` in runtime/rpc.js. */
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
/** `unknownValue` in runtime/rpc.js: a computed value not known yet (preview only). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export type Secret = { [SIG_KEY]: typeof SECRET_SIG; value: Json };

/** Wraps a value as the wire form of a secret. */
export function secret(value: Json): Secret {
  return { [SIG_KEY]: SECRET_SIG, value };
}

export function isSecret(value: Json | undefined): value is Secret {
  return isObject(value) && value[SIG_KEY] === SECRET_SIG;
}

export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Deep copy through JSON: snapshots handed out must not alias engine state. */
export function clone<T extends Json>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
