/**
 * The `pulumi-bucket-cors/provider` entry: what the serialized dynamic provider
 * requires by package name at run time (design.md §7). Not a public API.
 * @internal
 */
export { parsePolicy } from "./api/parse";
export { validatePolicy, renderPolicy, normalizePolicy } from "./api/policy";
export { configure, check, diff, create, read, update, delete } from "./lifecycle";
