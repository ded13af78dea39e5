import type * as pulumi from "@pulumi/pulumi";

/**
 * The dynamic provider object that Pulumi serializes into every CorsPolicy's
 * state as `__provider`. Each method requires this package by name and
 * delegates, so the serialized text stays tiny, names no file inside any
 * package, and refresh/destroy run the installed version (design.md §7,
 * provider-host.md §6). Capture nothing else here: no clients, no schemas.
 */
export const corsPolicyProvider: pulumi.dynamic.ResourceProvider = {
  async configure(req) {
    require("pulumi-bucket-cors/provider").lifecycle.configure(req.config);
  },
  async check(olds, news) {
    return require("pulumi-bucket-cors/provider").lifecycle.check(olds, news);
  },
  async diff(id, olds, news) {
    return require("pulumi-bucket-cors/provider").lifecycle.diff(id, olds, news);
  },
  async create(inputs) {
    return require("pulumi-bucket-cors/provider").lifecycle.create(inputs);
  },
  async read(id, props) {
    return require("pulumi-bucket-cors/provider").lifecycle.read(id, props);
  },
  async update(id, olds, news) {
    return require("pulumi-bucket-cors/provider").lifecycle.update(id, olds, news);
  },
  async delete(id, props) {
    await require("pulumi-bucket-cors/provider").lifecycle.delete(id, props);
  },
};
