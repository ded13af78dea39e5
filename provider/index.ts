/*
 * The `pulumi-bucket-cors/provider` entry: what the serialized dynamic provider
 * requires by package name at run time (docs/architecture.md, "The serialized provider"). Not a public API: users
 * import from "pulumi-bucket-cors".
 */
export { configure, check, diff, create, read, update, delete } from "./lifecycle";
