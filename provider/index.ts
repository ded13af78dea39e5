/*
 * The `pulumi-bucket-cors/provider` entry: what the serialized dynamic provider
 * requires by package name at run time (design.md §7). Not a public API: users
 * import from "pulumi-bucket-cors".
 */
export { configure, check, diff, create, read, update, delete } from "./lifecycle";
