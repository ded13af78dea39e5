import type { Dialect } from "../provider/profiles";

/** Evaluator dialects, for `--dialect` choices. */
export const DIALECTS = ["aws", "r2", "ceph", "s3rver", "swift"] as const satisfies readonly Dialect[];

// Compile-time proof that the list names every dialect (docs/architecture.md, "Canonical model and normalization": a list checked against its type).
type Unlisted = Exclude<Dialect, (typeof DIALECTS)[number]>;
const complete: [Unlisted] extends [never] ? true : never = true;
void complete;
