import type { Backend, ProbeAnswer } from "../backends/types";
import { evaluate } from "../evaluate/evaluate";
import { isPreflightAllowed } from "../evaluate/preflight";
import type { CorsRequest } from "../evaluate/types";
import type { CorsConfiguration } from "../model/schema";
import type { Dialect } from "../profiles/types";
import { targetDialect, type Target } from "../targets";

/**
 * What a prediction of a live answer starts from (the live configuration, `null` when none is
 * set, and the dialect), or why there is none: the configuration cannot be read by this package
 * (`raw` is what the service holds), or the read failed (`error`). Callers word the last two.
 */
export type LiveBasis =
  | { readonly kind: "basis"; readonly config: CorsConfiguration | null; readonly bucketExists: boolean; readonly dialect: Dialect }
  | { readonly kind: "unreadable"; readonly raw: string }
  | { readonly kind: "failed"; readonly error: unknown };

/**
 * Reads the live configuration once for predictions of the live answer (the server's, and the
 * browser's verdict): in `dialect`, else the target's (a Ceph `version` picks it). Never throws.
 */
export async function readLiveBasis(backend: Backend, target: Target, dialect: Dialect | undefined): Promise<LiveBasis> {
  try {
    const read = await backend.get(target);
    if (read.kind === "unreadable") return { kind: "unreadable", raw: read.raw };
    return {
      kind: "basis",
      config: read.kind === "config" ? read.config : null,
      bucketExists: read.kind !== "no-bucket",
      dialect: dialect ?? targetDialect(target),
    };
  } catch (error) {
    return { kind: "failed", error };
  }
}

/** What the evaluator predicts for a live answer, and where it disagrees with it. */
export interface AnswerPrediction {
  readonly dialect: Dialect;
  readonly allowed: boolean;
  readonly status: number | null;
  readonly headers: Record<string, string>;
  readonly matchedRule: number | null;
  readonly explanation: string[];
  /** The same status and the same headers (among those the answer kept) as the live answer. */
  readonly agrees: boolean;
  /** Each header whose value differs, `null` where one side has none; names sorted. */
  readonly differences: { header: string; live: string | null; predicted: string | null }[];
}

/**
 * The evaluator's answer to `request` under the live basis, beside the live `answer` (its headers
 * as the caller kept them, e.g. only the CORS ones): a live answer differing from the prediction
 * is a server quirk the dialect does not model, or a front in between.
 */
export function predictAnswer(
  basis: Extract<LiveBasis, { kind: "basis" }>,
  request: CorsRequest,
  answer: Pick<ProbeAnswer, "status" | "headers">,
): AnswerPrediction {
  const { dialect } = basis;
  const evaluation = evaluate(basis.config, request, { dialect, bucketExists: basis.bucketExists });
  const names = [...new Set([...Object.keys(answer.headers), ...Object.keys(evaluation.headers)])].sort();
  const differences = names
    .map((header) => ({ header, live: answer.headers[header] ?? null, predicted: evaluation.headers[header] ?? null }))
    .filter((d) => d.live !== d.predicted);
  return {
    dialect,
    allowed: isPreflightAllowed(evaluation.status, evaluation.headers),
    status: evaluation.status ?? null,
    headers: evaluation.headers,
    matchedRule: evaluation.matchedRule ?? null,
    explanation: evaluation.explanation,
    agrees: differences.length === 0 && evaluation.status === answer.status,
    differences,
  };
}
