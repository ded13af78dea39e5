import type { Issue } from "../model/issue";
import { CORS_METHODS } from "../model/methods";
import type { CorsConfiguration, CorsRule } from "../model/schema";
import type { Dialect } from "../profiles/types";
import { evaluate } from "./evaluate";
import { isPreflightAllowed, preflightRequest } from "./preflight";
import type { Evaluation } from "./types";

/** The preflight being explained. */
export interface Preflight {
  readonly origin: string;
  readonly method: string;
  readonly headers: readonly string[];
  /** The page sends credentials (cookies, `credentials: "include"`, `withCredentials`). */
  readonly credentials: boolean;
}

/**
 * What a surface calls the input that carries the page's origin, as cli/flags/flag-wording.ts does
 * for targets: the diagnosis tells the user what to pass there.
 */
export interface DiagnoseWords {
  /** After "browsers send scheme://host[:port], e.g. https://app.example.com — ". */
  readonly passOrigin: string;
  /** After "so the browser sends "…" — ": how to give that origin instead. */
  readonly useOrigin: (sent: string) => string;
  /** The fix when the page's origin is unknown: how to give it. */
  readonly giveOrigin: string;
}

/** The words of each surface: `bucket-cors explain` names its flag. */
export const DIAGNOSE_WORDS = {
  cli: {
    passOrigin: "pass that to --origin",
    useOrigin: (sent: string) => `use --origin ${sent}`,
    giveOrigin: "give --origin the page's origin (scheme://host[:port])",
  },
} as const satisfies Record<string, DiagnoseWords>;

/** What {@link diagnose} needs besides the preflight. */
export interface DiagnoseInput {
  readonly dialect: Dialect;
  readonly config: CorsConfiguration;
  readonly evaluation: Evaluation;
  /** Validation errors of the policy itself (a path in an origin, two wildcards...). */
  readonly policyErrors: readonly Issue[];
  /** The surface's words for the origin input. */
  readonly words: DiagnoseWords;
}

/**
 * The usual reasons "CORS is not working", where the policy and the request
 * show them: an Origin with a path or trailing slash, a method no rule allows
 * (or no S3 rule can allow), a header not allowed, `*` answered to a page that
 * sends credentials. Each rule is probed alone with the evaluator, so the
 * dialect's own matching decides (never a second matcher here).
 */
export function diagnose(request: Preflight, input: DiagnoseInput): string[] {
  const out: string[] = [...originShape(request.origin, input.words), ...methodShape(request.method)];
  out.push(...input.policyErrors.map((i) => `the policy itself is invalid and a server would refuse it: ${i.message}`));
  const sent = browserOrigin(request.origin);
  if (isPreflightAllowed(input.evaluation.status, input.evaluation.headers)) {
    out.push(...wildcardWithCredentials(request, sent, input));
    return out;
  }
  if (sent === undefined || sent === request.origin) return [...out, ...refusal(request, input, sent !== undefined)];
  // Advice is about the Origin a browser sends: never suggest listing the slashed value originShape just called wrong.
  const corrected = evaluate(input.config, preflightRequest(sent, request.method, request.headers), { dialect: input.dialect });
  if (isPreflightAllowed(corrected.status, corrected.headers)) {
    out.push(
      `with the Origin a browser really sends, "${sent}", the preflight is allowed${corrected.matchedRule === undefined ? "" : ` by rules[${corrected.matchedRule}]`}`,
    );
    return out;
  }
  return [...out, ...refusal({ ...request, origin: sent }, input, true)];
}

/**
 * Why a refused preflight is refused: no rule allows the origin, the method, or a header.
 * `isOrigin` is false when the origin is no origin at all; then nothing advises listing it.
 */
function refusal(request: Preflight, input: DiagnoseInput, isOrigin: boolean): string[] {
  const out: string[] = [];
  const probe = (rule: CorsRule, headers: readonly string[]) => {
    const e = evaluate({ rules: [rule] }, preflightRequest(request.origin, request.method, headers), { dialect: input.dialect });
    return isPreflightAllowed(e.status, e.headers);
  };
  const rules = input.config.rules;
  const originOk = rules.map((r) => probe({ ...r, allowedMethods: [request.method] as CorsRule["allowedMethods"], allowedHeaders: ["*"] }, []));
  if (!originOk.some(Boolean)) {
    if (!isOrigin) return [`no rule allows "${request.origin}"`];
    out.push(`no rule allows the origin "${request.origin}" — add it to a rule's allowedOrigins`, ...nearMisses(request.origin, rules));
    return out;
  }
  const methodOk = rules.map((r, i) => originOk[i] === true && probe({ ...r, allowedHeaders: ["*"] }, []));
  if (!methodOk.some(Boolean)) {
    if (!(CORS_METHODS as readonly string[]).includes(request.method)) return out; // methodShape said why: no rule can list it
    rules.forEach((r, i) => {
      if (originOk[i] === true)
        out.push(
          `rules[${i}] allows the origin but not the method ${request.method} (it allows ${r.allowedMethods.join(", ")}) — add ${request.method} to rules[${i}].allowedMethods`,
        );
    });
    return out;
  }
  rules.forEach((r, i) => {
    if (methodOk[i] !== true) return;
    const refused = request.headers.filter((h) => !probe(r, [h]));
    if (refused.length === 0) return;
    const none = r.allowedHeaders === undefined ? " (it allows none: a rule without allowedHeaders fails every preflight that asks for headers)" : "";
    out.push(
      `rules[${i}] allows the origin and ${request.method} but not the request header${refused.length === 1 ? "" : "s"} ${refused.join(", ")}${none} — add ${refused.length === 1 ? "it" : "them"} to rules[${i}].allowedHeaders`,
    );
  });
  return out;
}

/** Browsers send `scheme://host[:port]` only: never a path, a trailing slash, a default port or upper case. */
function originShape(origin: string, words: DiagnoseWords): string[] {
  if (origin === "null") return [];
  const sent = browserOrigin(origin);
  if (sent === undefined) return [`"${origin}" is not an origin; browsers send scheme://host[:port], e.g. https://app.example.com — ${words.passOrigin}`];
  if (sent === origin) return [];
  return [
    `"${origin}" is not what a browser sends: Origin never has a path or trailing slash (and omits default ports), so the browser sends "${sent}" — ${words.useOrigin(sent)}, and write origins that way in the policy`,
  ];
}

/** The Origin header a browser sends for a page at `origin` (the URL's serialized origin); `undefined` when it is no URL. */
function browserOrigin(origin: string): string | undefined {
  if (origin === "null") return origin;
  const url = parse(origin);
  return url === undefined || url.origin === "null" ? undefined : url.origin;
}

/** S3-style rules allow only five methods (https://docs.aws.amazon.com/AmazonS3/latest/API/API_CORSRule.html). */
function methodShape(method: string): string[] {
  if ((CORS_METHODS as readonly string[]).includes(method)) return [];
  return [`${method} can never be allowed: CORS rules allow only ${CORS_METHODS.join(", ")} — send the request as one of those`];
}

/** Rule origins that differ from the request's only by a path, case, scheme or port. */
function nearMisses(origin: string, rules: readonly CorsRule[]): string[] {
  const wanted = parse(origin);
  if (wanted === undefined) return [];
  const out: string[] = [];
  rules.forEach((rule, i) =>
    rule.allowedOrigins.forEach((allowed) => {
      // Decoding sorts origins, so the index in the file is not known here: name the value.
      const at = `rules[${i}].allowedOrigins has "${allowed}"`;
      const candidate = parse(allowed);
      if (allowed.includes("*") || candidate === undefined) return;
      const hasPath = allowed.replace(/^[^:]*:\/\//, "").includes("/");
      if (hasPath && candidate.origin === wanted.origin) {
        out.push(`${at}: it has a path or trailing slash, so it never matches an Origin header — write "${candidate.origin}"`);
      } else if (allowed !== origin && allowed.toLowerCase() === origin.toLowerCase()) {
        out.push(`${at}: it differs only in case, and origins are matched case-sensitively — write "${origin}"`);
      } else if (candidate.hostname === wanted.hostname && candidate.origin !== wanted.origin) {
        out.push(`${at}: scheme, host and port must all match, so it does not allow "${origin}" — add "${origin}" as well`);
      }
    }),
  );
  return out;
}

function parse(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/**
 * A `*` answer is refused by browsers for credentialed requests (https://fetch.spec.whatwg.org/#cors-protocol-and-credentials).
 * The fix, listing the origin, is advised only for an origin a browser sends and a rule does not list
 * already: s3rver answers `*` to every preflight, a listed origin included (provider/evaluate/s3rver.ts).
 */
function wildcardWithCredentials(request: Preflight, sent: string | undefined, input: DiagnoseInput): string[] {
  if (input.evaluation.headers["access-control-allow-origin"] !== "*") return [];
  const index = input.evaluation.matchedRule;
  const rule = index === undefined ? "the matching rule" : `rules[${index}]`;
  const listed = index !== undefined && sent !== undefined && input.config.rules[index]?.allowedOrigins.includes(sent) === true;
  const fix = listed
    ? `${rule} already lists "${sent}", but this server answers "*" to every preflight, so no policy makes such a page work here`
    : sent === undefined
      ? `${input.words.giveOrigin} to see what to list instead of "*"`
      : `list "${sent}" in ${rule}.allowedOrigins (before any "*" rule) instead of relying on "*"`;
  return request.credentials
    ? [`the answer is Access-Control-Allow-Origin: *, which a browser refuses for a request with credentials — ${fix}`]
    : [
        `the answer is Access-Control-Allow-Origin: *: fine for anonymous requests, but a browser refuses it if the page sends credentials (cookies, fetch credentials: "include", withCredentials) — if it does, ${fix}`,
      ];
}
