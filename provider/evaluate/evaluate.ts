import { CorsPolicyError, CorsValidationError } from "../errors";
import { evaluableProblems, requestProblem } from "./evaluable";
import type { Dialect } from "../profiles/types";
import { evaluateAws } from "./aws";
import { evaluateCeph, evaluateCephLegacy } from "./ceph";
import { evaluateR2 } from "./r2";
import { type RequestView, viewRequest } from "./request";
import { evaluateS3rver } from "./s3rver";
import { evaluateSwift } from "./swift";
import { evaluateVersitygw } from "./versitygw";
import type { CorsRequest, EvaluableConfig, EvaluateOptions, Evaluation } from "./types";

type DialectEvaluator = (config: EvaluableConfig | null, request: RequestView, bucketExists: boolean) => Evaluation;

const DIALECTS: Record<Dialect, DialectEvaluator> = {
  aws: evaluateAws,
  r2: evaluateR2,
  ceph: evaluateCeph,
  "ceph-legacy": evaluateCephLegacy,
  s3rver: evaluateS3rver,
  swift: evaluateSwift,
  versitygw: evaluateVersitygw,
};

/**
 * What a server answers to `request` given the bucket's CORS `config`
 * (`null`: none): for OPTIONS the status, CORS headers or error; for other
 * methods the CORS headers it adds. Never throws on odd stored values; throws
 * a `CorsPolicyError` only for a dialect it does not know, or for arguments of the wrong
 * type (a `CorsValidationError` with each field's path for `config`), never a `TypeError`.
 * @see docs/cors-semantics.md: sections 1–12 for the `aws` and `r2` dialects, 13–15 for the others.
 */
export function evaluate(config: EvaluableConfig | null, request: CorsRequest, options: EvaluateOptions = {}): Evaluation {
  const dialect = options.dialect ?? "aws";
  if (!Object.hasOwn(DIALECTS, dialect)) {
    throw new CorsPolicyError(
      `dialect: ${JSON.stringify(dialect)} is not a known dialect; allowed are ${Object.keys(DIALECTS).join(", ")} — use one of them, or the dialect of the target's profile`,
    );
  }
  const problems = evaluableProblems(config);
  if (problems.length > 0) throw new CorsValidationError(problems, "evaluate: config is not a CORS configuration");
  const wrong = requestProblem(request);
  if (wrong !== undefined) throw new CorsPolicyError(`evaluate: ${wrong}`);
  return DIALECTS[dialect](config, viewRequest(request), options.bucketExists ?? true);
}
