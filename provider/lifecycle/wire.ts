import type { z } from "zod";

/*
 * The JSON shape a field checked by hand takes on the wire. Most CorsPolicy fields are
 * `z.custom` transforms (schema-fields.ts), so that check words every failure itself; a
 * JSON Schema of them says nothing. Each such field records here the plain zod schema of
 * the value it accepts, and the package schema of the provider plugin (plugin/schema.ts)
 * walks these: one definition of each field, read by check and by the schema alike.
 */

const shapes = new WeakMap<z.ZodType, () => z.ZodType>();

/** `schema`, recorded as taking values of `shape` on the wire. */
export function onWire<S extends z.ZodType>(schema: S, shape: () => z.ZodType): S {
  shapes.set(schema, shape);
  return schema;
}

/** The wire shape recorded for `schema`, if any. */
export function wireShapeOf(schema: z.ZodType): z.ZodType | undefined {
  return shapes.get(schema)?.();
}
