import type { Issue } from "./model/issue";

/** Base class of every error this package throws on purpose. */
export class CorsPolicyError extends Error {
  override readonly name: string = "CorsPolicyError";
}

/** A policy (or a document) that cannot be used: carries every issue found, not just the first. */
export class CorsValidationError extends CorsPolicyError {
  override readonly name = "CorsValidationError";
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[], summary = "invalid CORS policy") {
    super(`${summary}:\n${issues.map((i) => `  - ${i.message}`).join("\n")}`);
    this.issues = issues;
  }
}
