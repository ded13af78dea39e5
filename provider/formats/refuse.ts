import { CorsValidationError } from "../errors";
import type { Issue } from "../model/issue";

/** Throws {@link CorsValidationError} with the error-severity `issues` (a format's limitations), if any. */
export function refuseUnless(format: string, issues: readonly Issue[]): void {
  const errors = issues.filter((i) => i.severity === "error");
  if (errors.length > 0) throw new CorsValidationError(errors, `the ${format} format cannot hold this policy`);
}
