import type { ProbeAnswer } from "../../provider/backends/types";
import { evaluate, isPreflightAllowed, preflightRequest } from "../../provider/evaluate";
import type { CorsConfiguration } from "../../provider/model/schema";
import { verifyPolicy } from "../../provider/operations/verify";
import type { Dialect } from "../../provider/profiles";
import type { Target } from "../../provider/targets";
import { backendOf } from "../backend";

/** An origin no rule lists: `.invalid` never resolves (RFC 2606, section 2), so no real page has it. */
const UNLISTED_ORIGIN = "https://doctor.invalid";

/** What a `*` in a rule's origin is replaced with to get an origin the rule allows. */
const WILDCARD_LABEL = "doctor";

/** One preflight doctor sent, what the server answered, and what the live rules predict. */
export interface DoctorPreflight {
  readonly origin: string;
  readonly method: string;
  /** Why this origin: one the live rules allow, or one none of them lists. */
  readonly purpose: "listed" | "unlisted";
  readonly url: string;
  readonly status: number;
  readonly allowed: boolean;
  /** The CORS headers of the answer (`access-control-*`, `vary`), names sorted. */
  readonly headers: Record<string, string>;
  /** The evaluator's verdict for the live configuration; null when it could not be read. */
  readonly predicted: boolean | null;
  /** The whole answer, for the server's own headers. */
  readonly answer: ProbeAnswer;
}

/**
 * Sends the preflights of step (2): one from an origin the live rules allow (when there is one the
 * evaluator, in `dialect`, predicts allowed), and one from {@link UNLISTED_ORIGIN}. `live` is the
 * configuration read (null: none set; undefined: it could not be read, so nothing is predicted).
 * Anonymous OPTIONS through the operations layer's `verifyPolicy`, as `verify` sends them.
 */
export async function doctorPreflights(target: Target, live: CorsConfiguration | null | undefined, dialect: Dialect): Promise<DoctorPreflight[]> {
  const listed = live ? listedProbe(live, dialect) : undefined;
  const probes = [
    ...(listed === undefined ? [] : [{ ...listed, purpose: "listed" as const }]),
    { origin: UNLISTED_ORIGIN, method: "GET", purpose: "unlisted" as const },
  ];
  const backend = await backendOf(target);
  const out: DoctorPreflight[] = [];
  for (const probe of probes) {
    const predicted = live === undefined ? null : predictAllowed(live, probe.origin, probe.method, dialect);
    const expectation = { origin: probe.origin, method: probe.method, headers: [], allowed: predicted ?? false };
    const answer = (await verifyPolicy(backend, target, [expectation], 0)).outcomes[0]!.answer;
    out.push({
      ...probe,
      url: answer.url,
      status: answer.status,
      allowed: isPreflightAllowed(answer.status, answer.headers),
      headers: corsHeaders(answer.headers),
      predicted,
      answer,
    });
  }
  return out;
}

/** The first origin of the live rules (a `*` in it filled in) that the evaluator predicts allowed, with the rule's first method. */
function listedProbe(config: CorsConfiguration, dialect: Dialect): { origin: string; method: string } | undefined {
  for (const rule of config.rules) {
    const method = rule.allowedMethods[0];
    if (method === undefined) continue;
    for (const pattern of rule.allowedOrigins) {
      if (pattern === "*") continue;
      const origin = pattern.replace("*", WILDCARD_LABEL);
      if (predictAllowed(config, origin, method, dialect)) return { origin, method };
    }
  }
  return undefined;
}

function predictAllowed(config: CorsConfiguration | null, origin: string, method: string, dialect: Dialect): boolean {
  const e = evaluate(config, preflightRequest(origin, method, []), { dialect });
  return isPreflightAllowed(e.status, e.headers);
}

/** The CORS part of an answer, names sorted. */
function corsHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const cors = Object.entries(headers).filter(([name]) => name.startsWith("access-control-") || name === "vary");
  return Object.fromEntries(cors.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
