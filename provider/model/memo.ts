/**
 * `build`, called once, on first use; every later call returns what it built. For zod
 * schemas, which are immutable and safe to reuse: building one costs more than parsing a
 * small input with it (check+diff built the CorsPolicy schema twice per resource, issue 21,
 * item 5). Never for a value reached from the serialized provider (a module-level schema
 * there breaks Pulumi's closure serialization, pulumi/pulumi#5294): provider.ts requires
 * the package by name, so what it reaches is loaded, not serialized.
 * @internal
 */
export function memoized<T>(build: () => T): () => T {
  let built: { readonly value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}
