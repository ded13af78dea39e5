import type { Evaluation } from "./types";

/** A refused preflight: the status and error body the server answers, and no CORS headers. */
export function refused(status: number, code: string, message: string, explanation: string[], details?: Record<string, string>): Evaluation {
  const result: Evaluation = { status, headers: {}, errorCode: code, errorMessage: message, explanation };
  if (details !== undefined) result.errorDetails = details;
  return result;
}

/** A request answered with `headers` (`status` only for OPTIONS). */
export function answered(status: number | undefined, headers: Record<string, string>, explanation: string[], matchedRule?: number): Evaluation {
  const result: Evaluation = { headers, explanation };
  if (status !== undefined) result.status = status;
  if (matchedRule !== undefined) result.matchedRule = matchedRule;
  return result;
}
