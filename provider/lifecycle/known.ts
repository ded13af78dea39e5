import * as z from "zod";
import { containsUnknown } from "./unknown";

/*
 * The one wrapper of the CorsPolicy's schema (schema.ts): a field checked only once the engine
 * knows its value. At preview a value computed by another resource comes as the unknown
 * sentinel, alone or inside the value (docs/provider-host.md, "Unknowns and preview"); zod
 * cannot tell it from a bad string, and Pulumi's `ResourceProvider<Inputs, Outputs>` types do
 * not model it either (the engine calls create and update only once every value is known).
 */

/** A zod issue as a refinement raises it again. */
type RaisedIssue = z.core.$ZodIssue;

/**
 * What each {@link known} wrapper checks: the JSON Schema of a field is its schema's (zod cannot
 * describe a transform), so the plugin's package schema (plugin/schema.ts) reads it here.
 */
const wrapped = new WeakMap<object, z.ZodType>();

/**
 * `schema`, except that a value the engine does not know yet passes through unchecked. Any other
 * value is parsed with `schema`, and its failures are raised at their paths with the words the
 * schema declares (zod's `error` parameter), with one rule: a field whose own schema declares its
 * message (`z.strictObject(shape, { error })`) is refused once, with that message for the whole
 * value, whatever failed inside it (the engine shows one reason per property, and the message
 * shows what was written); refinements' own failures (code `custom`) stand as raised.
 * A field that fails keeps its raw value, for the refinement across fields (schema-across.ts).
 * `wire`: what the plugin's package schema says the field takes, when it says less than `schema`.
 */
export function known<S extends z.ZodType>(schema: S, wire: z.ZodType = schema) {
  const checked = z.custom<z.input<S>>().transform((value, ctx): z.output<S> => {
    // The sentinel, or the raw value of a failed field: typed as the value it stands for, unchecked (see above).
    if (containsUnknown(value)) return value as z.output<S>;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    const message = declaredMessage(schema);
    const issues = parsed.error.issues;
    if (message !== undefined && issues.some((issue) => issue.code !== "custom")) ctx.addIssue({ code: "custom", message: message(value), path: [] });
    else for (const issue of issues) raise(ctx, issue);
    return value as z.output<S>;
  });
  wrapped.set(checked, wire);
  return checked;
}

/** The schema a {@link known} field checks known values with (as the plugin describes it); `undefined` for any other schema. */
export function checkedBy(schema: object): z.ZodType | undefined {
  return wrapped.get(schema);
}

/** Raises an issue of an inner schema again: its message, its path and, when it names one, the property it reports. */
function raise(ctx: z.core.$RefinementCtx, issue: RaisedIssue): void {
  const property: unknown = issue.code === "custom" ? issue.params?.["property"] : undefined;
  ctx.addIssue({ code: "custom", message: issue.message, path: issue.path, ...(typeof property === "string" ? { params: { property } } : {}) });
}

/**
 * The message a field's own schema declares with zod's `error` parameter, as a function of the
 * whole value: the schema's, or under a transform its input's.
 */
function declaredMessage(schema: z.ZodType): ((value: unknown) => string) | undefined {
  const def = schema.def as { readonly type: string; readonly error?: unknown; readonly in?: z.ZodType };
  if (def.type === "pipe" && def.in !== undefined) return declaredMessage(def.in);
  if (typeof def.error !== "function") return undefined;
  const error = def.error as (issue: { readonly code: "custom"; readonly input: unknown }) => unknown;
  return (value) => {
    const said = error({ code: "custom", input: value });
    return typeof said === "string" ? said : String((said as { message?: unknown } | undefined)?.message);
  };
}
