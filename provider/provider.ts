import type * as pulumi from "@pulumi/pulumi";
import type { PolicyOutputs, WrittenInputs } from "./lifecycle/types";

/**
 * The dynamic provider object that Pulumi serializes into every CorsPolicy's
 * state as `__provider`. Each method requires this package by name and
 * delegates, so the serialized text stays under 2 KB, names no file inside any
 * package, and refresh/destroy run the installed version (docs/architecture.md,
 * "The serialized provider"; docs/provider-host.md, "Serialization"). Arrow
 * functions with one-letter parameters, because every byte is stored once per
 * resource (methods measured 2234 bytes, these 2040).
 * Capture nothing else here: no clients, no schemas. The types are erased: the methods
 * delegate to provider/lifecycle/index.ts, which proves it fits this type.
 */
export const corsPolicyProvider: pulumi.dynamic.ResourceProvider<WrittenInputs, PolicyOutputs> = {
  configure: (r) => require("pulumi-bucket-cors/provider").configure(r),
  check: (o, n) => require("pulumi-bucket-cors/provider").check(o, n),
  diff: (i, o, n) => require("pulumi-bucket-cors/provider").diff(i, o, n),
  create: (n) => require("pulumi-bucket-cors/provider").create(n),
  read: (i, p) => require("pulumi-bucket-cors/provider").read(i, p),
  update: (i, o, n) => require("pulumi-bucket-cors/provider").update(i, o, n),
  delete: (i, p) => require("pulumi-bucket-cors/provider").delete(i, p),
};
