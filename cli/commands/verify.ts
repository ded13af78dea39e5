import { Option, type Command } from "commander";
import type { ProbeAnswer } from "../../provider/backends/types";
import { verifyPolicy } from "../../provider/operations/verify";
import { isPreflightAllowed, preflightRequest, type CorsRequest } from "../../provider/evaluate";
import { predictAnswer, type AnswerPrediction } from "../../provider/operations/prediction";
import { DIALECTS, type Dialect } from "../../provider/profiles";
import { resourceIdOf, type Target } from "../../provider/targets";
import { backendOf } from "../backend";
import { findChrome } from "../browser/find";
import { checkInBrowser, printBrowserCheck, type PageRequest } from "../browser/verify";
import { liveBasis, type LiveBasis } from "../live-prediction";
import { printAnswer } from "../output/answer";
import { EXIT, failure } from "../exit";
import { browserMethod, collectList, objectKey } from "../flags/options";
import type { Output } from "../output/output";
import { runCommand, type CommonFlags } from "../run";
import { addTargetOptions, TARGET_HELP, type TargetFlags } from "../flags/target-flags";
import { singleTarget } from "../flags/targets";
import { missedExpectation, type Judged } from "../output/verify-expectation";
import { checkVia, printVia, viaFromFlags, viaProblem } from "../verify-via";
import type { Expectation } from "../../provider/operations/expectations";

interface VerifyFlags extends CommonFlags, TargetFlags {
  readonly origin: string;
  readonly method: string;
  readonly header?: string[];
  readonly key: string;
  readonly dialect?: Dialect;
  readonly expect: "allowed" | "denied";
  readonly browser?: boolean;
  readonly chrome?: string;
  readonly credentials?: boolean;
  readonly read?: string[];
  readonly via?: string;
}

/** The prediction, or why there is none (the live configuration could not be read). */
type Predicted = { readonly prediction: AnswerPrediction } | { readonly error: string };

const EXAMPLES = `
Examples:
  $ bucket-cors verify --service r2 --account-id "$CF_ACCOUNT" --bucket assets \\
      --origin https://app.example.com --method PUT --header content-type
  $ bucket-cors verify --target-file target.json --key index.html \\
      --origin https://app.example.com --method GET --json

The preflight is anonymous, as a browser's is, and goes to an object URL:
<endpoint>/<bucket>/<key> (path-style) on S3 services, and
<storage-url>/<container>/<key> on Swift; the object need not exist. When the
live configuration can be read, the evaluator's prediction for it is printed
next to the real answer. --expect denied asserts that an origin is kept out
(exit 0 when the answer denies it).

--browser also runs the page's fetch in a real headless Chrome/Chromium (found
on PATH, or --chrome PATH; needs the optional package playwright-core) from a
page of --origin, with --credentials and --read as the page would, and prints
the browser's verdict beside predictBrowser's; --expect then judges the
browser's verdict. --chrome, --credentials and --read imply --browser.

--via URL also sends the request through what sits in front of the bucket
(a CDN or caching proxy serving the object at URL/KEY), as a browser does: a
GET without Origin first, then the preflight and the GET from --origin; it
prints what the cache breaks (a copy without CORS headers, another origin's
Access-Control-Allow-Origin, no Vary: Origin, a shorter max-age) with the fix,
and exits 1 if anything. Give --key an object that exists. The front gets no
credentials: only the browser's own headers.
${TARGET_HELP}
Exit codes: 0 the answer is what --expect says (allowed by default); 1 it is
not, or the request failed; 2 usage.`;

/** `verify --target … --origin O --method M`: a real preflight against the live endpoint. */
export function registerVerify(program: Command): void {
  const command = program
    .command("verify")
    .summary("send a real preflight to a bucket")
    .description(
      "Send a real preflight (OPTIONS) to an object URL of a bucket and print the status and the CORS headers it answers, next to what the live configuration predicts.",
    )
    .requiredOption("--origin <origin>", "Origin of the page (required), e.g. https://app.example.com")
    .requiredOption("--method <method>", "method the page will use (required)")
    .option("--header <name>", "request header the page sets (repeat, or separate with commas)", collectList)
    .option("--key <key>", "object key to preflight", objectKey, "bucket-cors-verify")
    .addOption(new Option("--expect <verdict>", "what the live answer must be for exit 0").choices(["allowed", "denied"]).default("allowed"))
    .addOption(new Option("--dialect <dialect>", "dialect of the prediction; the profile's when omitted").choices(DIALECTS))
    .option("--browser", "also run the fetch in a real headless Chrome/Chromium and print its verdict")
    .option("--chrome <path>", "the Chrome or Chromium binary for --browser; found on PATH when omitted")
    .option("--credentials", 'the page sends credentials (fetch credentials: "include"); with --browser')
    .option("--read <header>", "response header the page reads (repeat, or separate with commas); with --browser", collectList)
    .option("--via <url>", "also send the request through what sits in front of the bucket (a CDN or cache serving <url>/<key>) and report what it breaks")
    .option("--json", "print one JSON document: the answer and the prediction")
    .addHelpText("after", EXAMPLES)
    .action((flags: VerifyFlags) =>
      runCommand(flags, async (out) => {
        const target = singleTarget(flags, out);
        const request = preflightRequest(flags.origin, browserMethod(flags.method), flags.header ?? []);
        // Found before anything is sent, so a missing browser fails fast.
        const chrome = wantsBrowser(flags) ? findChrome(flags.chrome) : undefined;
        const via = viaFromFlags(flags.via);
        const answer = await probe(target, flags, request);
        const allowed = isPreflightAllowed(answer.status, answer.headers);
        const live = await liveBasis(target, flags.dialect);
        const predicted = predict(request, answer, live);
        const browser = chrome === undefined ? undefined : await checkInBrowser(pageRequest(flags, request), answer.url, chrome, live);
        const judged: Judged =
          browser === undefined
            ? { by: "preflight", allowed, answer }
            : { by: "browser", allowed: browser.allowed, status: browser.status, error: browser.error };
        const front = via === undefined ? undefined : await checkVia(target, expectationOf(flags, request), via, flags.key);
        const missed =
          missedExpectation(flags.expect, judged, {
            origin: flags.origin,
            method: request.headers["Access-Control-Request-Method"] ?? flags.method,
            headers: flags.header ?? [],
          }) ?? (front === undefined ? undefined : viaProblem(front));
        out.emit(
          {
            ...(missed === undefined ? {} : { ok: false, error: { kind: "failure", message: missed, issues: [] } }),
            target: resourceIdOf(target),
            url: answer.url,
            request,
            allowed,
            status: answer.status,
            headers: answer.headers,
            errorCode: answer.errorCode ?? null,
            errorMessage: answer.errorMessage ?? null,
            prediction: "prediction" in predicted ? predicted.prediction : null,
            predictionError: "error" in predicted ? predicted.error : null,
            ...(browser === undefined ? {} : { browser }),
            ...(front === undefined ? {} : { via: front }),
          },
          () => {
            printVerify(out, request.headers, answer, allowed, predicted);
            if (browser !== undefined) printBrowserCheck(out, browser);
            if (front !== undefined) printVia(out, front);
            if (missed !== undefined) out.problem(missed, []);
          },
        );
        return missed === undefined ? EXIT.ok : EXIT.failure;
      }),
    );
  addTargetOptions(command);
}

function wantsBrowser(flags: VerifyFlags): boolean {
  return flags.browser === true || flags.chrome !== undefined || flags.credentials === true || flags.read !== undefined;
}

/** The page's fetch, as the expectation `verify --browser` checks. */
function pageRequest(flags: VerifyFlags, request: CorsRequest): PageRequest {
  return {
    origin: flags.origin,
    method: request.headers["Access-Control-Request-Method"] ?? flags.method,
    headers: flags.header ?? [],
    allowed: flags.expect === "allowed",
    credentials: flags.credentials === true,
    reads: flags.read ?? [],
    key: flags.key,
  };
}

/** A live answer with only its CORS headers (`access-control-*`, `vary`), names sorted. */
type LiveAnswer = ProbeAnswer;

/**
 * The live answer, through the operations layer's `verifyPolicy` (one round,
 * no retries) like the resource's `verify: "preflight"`; only the CORS part of
 * the answer is kept for printing.
 */
async function probe(target: Target, flags: VerifyFlags, request: CorsRequest): Promise<LiveAnswer> {
  const expectation = expectationOf(flags, request);
  let answer: ProbeAnswer;
  try {
    answer = (await verifyPolicy(await backendOf(target), target, [expectation], 0, flags.key)).outcomes[0]!.answer;
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    throw failure(
      `the preflight ${request.method} to ${resourceIdOf(target)} failed (${e.code ?? e.message}) — check the endpoint and that the service is reachable`,
    );
  }
  const cors = Object.entries(answer.headers).filter(([name]) => name.startsWith("access-control-") || name === "vary");
  return { ...answer, headers: Object.fromEntries(cors.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) };
}

/** The flags as the expectation the operations layer checks. */
function expectationOf(flags: VerifyFlags, request: CorsRequest): Expectation {
  return {
    origin: flags.origin,
    method: request.headers["Access-Control-Request-Method"] ?? flags.method,
    headers: flags.header ?? [],
    allowed: flags.expect === "allowed",
  };
}

/** The evaluator's answer for the live configuration; none (with why) when it cannot be read. */
function predict(request: CorsRequest, answer: LiveAnswer, live: LiveBasis): Predicted {
  return "error" in live ? { error: live.error } : { prediction: predictAnswer(live, request, answer) };
}

function printVerify(out: Output, sent: Readonly<Record<string, string>>, answer: LiveAnswer, allowed: boolean, predicted: Predicted): void {
  out.line(`OPTIONS ${answer.url}`);
  for (const [name, value] of Object.entries(sent)) out.line(`  ${name}: ${value}`);
  printAnswer(out, { allowed, status: answer.status, headers: answer.headers, errorCode: answer.errorCode, errorMessage: answer.errorMessage });
  if ("error" in predicted) {
    out.line(`Prediction: ${predicted.error}`);
    return;
  }
  const p = predicted.prediction;
  const verdict = `${p.allowed ? "allowed" : "denied"}${p.matchedRule === null ? "" : ` by rules[${p.matchedRule}]`} (${p.status ?? "no status"})`;
  out.line(
    `Prediction from the live configuration (dialect ${p.dialect}): ${verdict}, ${p.agrees ? "as answered" : out.style.warn("differs from the answer")}`,
  );
  if (p.status !== answer.status) out.line(`  status: answered ${answer.status}, predicted ${p.status ?? "none"}`);
  for (const d of p.differences) out.line(`  ${d.header}: answered ${d.live ?? "(absent)"}, predicted ${d.predicted ?? "(absent)"}`);
  for (const line of p.explanation) out.line(`  ${line}`);
}
