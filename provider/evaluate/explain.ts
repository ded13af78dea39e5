import type { Issue } from "../model/issue";
import type { CorsConfiguration } from "../model/schema";
import type { Dialect } from "../profiles/types";
import { diagnose, type DiagnoseWords, type Preflight } from "./diagnose";
import { evaluate } from "./evaluate";
import { isPreflightAllowed, preflightRequest } from "./preflight";
import type { CorsRequest, Evaluation } from "./types";

/** What {@link explainPreflight} found: the server's answer under the policy, the page's verdict, and the diagnosis. */
export interface ExplainedPreflight {
  /** The preflight as the evaluator took it. */
  readonly request: CorsRequest;
  /** The server's answer, per the dialect. */
  readonly evaluation: Evaluation;
  /** The page's request goes through: the server allows the preflight and the browser takes its answer. */
  readonly allowed: boolean;
  /** The server answered `*` to a page that sends credentials, which the browser refuses. */
  readonly wildcardRefused: boolean;
  /** The usual reasons "CORS is not working" that the policy and the request show. */
  readonly diagnoses: string[];
}

/**
 * What a server of `dialect` answers to `preflight` under `config`, whether the page gets
 * through, and why (`bucket-cors explain`). A browser refuses `Access-Control-Allow-Origin: *`
 * for a request with credentials (https://fetch.spec.whatwg.org/#cors-protocol-and-credentials),
 * so such an answer is not allowed. `policyErrors` are the policy's own errors (`preparePolicy`).
 */
export function explainPreflight(
  config: CorsConfiguration,
  preflight: Preflight,
  input: { readonly dialect: Dialect; readonly policyErrors: readonly Issue[]; readonly words: DiagnoseWords },
): ExplainedPreflight {
  const request = preflightRequest(preflight.origin, preflight.method, preflight.headers);
  const evaluation = evaluate(config, request, { dialect: input.dialect });
  const wildcardRefused = preflight.credentials && evaluation.headers["access-control-allow-origin"] === "*";
  const allowed = isPreflightAllowed(evaluation.status, evaluation.headers) && !wildcardRefused;
  const diagnoses = diagnose(preflight, { ...input, config, evaluation });
  return { request, evaluation, allowed, wildcardRefused, diagnoses };
}
