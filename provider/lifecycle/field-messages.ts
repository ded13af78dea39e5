import { show } from "../model/issue";
import { MAX_PROPAGATION_TIMEOUT, ON_EXISTING, VERIFY_MODES } from "../operations/options";

/*
 * The words check refuses a CorsPolicy's fields with (pinned by tests/lifecycle and
 * tests/engine/no-echo.test.ts), each a function of the value written: the schema (schema.ts)
 * declares them through zod's `error` parameter. Every message shows the value through `show`,
 * which hides what looks like a secret, and at most {@link SHOWN} characters of it.
 */

/** Most characters of a refused field's value a message shows: a whole expect entry fits, a 10 MB value does not (issue 23, item A). */
const SHOWN = 400;

/** Most seconds a `timeouts` deadline may be: one hour, like {@link MAX_PROPAGATION_TIMEOUT}. */
export const MAX_TIMEOUT_SECONDS = 3600;

/** A zod issue as an `error` parameter receives it: what was written there. */
interface Written {
  readonly input?: unknown;
}

export function onExistingMessage({ input }: Written): string {
  return `${show(input, SHOWN)} is not an option; allowed are ${ON_EXISTING.map((o) => `"${o}"`).join(", ")} — use "adopt" to take over a matching configuration, "overwrite" to replace it`;
}

export function propagationTimeoutMessage({ input }: Written): string {
  return `${show(input, SHOWN)} is not a number of seconds between 0 and ${MAX_PROPAGATION_TIMEOUT} — use e.g. 60, or omit it for the vendor's default`;
}

export function timeoutsMessage({ input }: Written): string {
  return `${show(input, SHOWN)} is not valid; it takes { operationSeconds?: number, probeSeconds?: number, totalSeconds?: number }, each more than 0 and at most ${MAX_TIMEOUT_SECONDS} — e.g. timeouts: { operationSeconds: 120 }, or omit it for 60 s, 10 s and, for the whole operation, twice operationSeconds plus twice the propagation timeout`;
}

export function swiftMessage({ input }: Written): string {
  return `${show(input, SHOWN)} is not valid; it takes { allowWidening?: boolean } — e.g. swift: { allowWidening: true }`;
}

export function lintMessage({ input }: Written): string {
  return `${show(input, SHOWN)} is not valid; it takes false or { suppress?: { [ruleId]: codes[] } } — e.g. lint: { suppress: { "public-read": ["wildcard-origin-write"] } }`;
}

/** `verify`: an object is read as `{ via, key? }`, anything else as a mode. */
export function verifyMessage({ input }: Written): string {
  if (input !== null && typeof input === "object" && !Array.isArray(input)) {
    return `${show(input, SHOWN)} is not valid; it takes { via: string, key?: string } — e.g. verify: { via: "https://cdn.example.com", key: "index.html" } to send the expect entries through the CDN in front of the bucket too`;
  }
  return `${show(input, SHOWN)} is not an option; allowed are ${VERIFY_MODES.map((o) => `"${o}"`).join(", ")} — use "preflight" to send real preflights for every expect entry after apply`;
}

/** `verify: { via }` with a user name or password: not shown. */
export const VIA_USERINFO =
  "has a user name or password in it (user:password@host); it is not shown, and it would be stored in the state — a front is sent only what a browser sends, never credentials: give its URL without them";

/** Why an object key is refused, in the words of the CLI's `verify --key` (cli/flags/options.ts, objectKey): it must name an object inside the bucket. */
export function verifyKeyProblem(key: string): string | undefined {
  if (key === "") return 'is empty — give an object key such as "index.html", or leave key out';
  if (key.startsWith("/")) return `${show(key)} starts with "/" — give the key without it, e.g. ${show(key.replace(/^\/+/, ""))}`;
  if (key.split("/").some((segment) => segment === "." || segment === ".."))
    return `${show(key)} has a "." or ".." segment, which would leave the bucket — give the key as stored`;
  return undefined;
}

export function expectListMessage({ input }: Written): string {
  return `${show(input, SHOWN)} is not a list; it takes [{ origin, method, headers?, allowed, exposes? }] — wrap the entry in [ ]`;
}

/** One `expect` entry, with the first of its problems (expectation-schema.ts, `expectationProblem`). */
export function expectEntryMessage(problem: (entry: unknown) => string) {
  return ({ input }: Written): string =>
    `${show(input, SHOWN)} ${problem(input)}; an expectation is { origin: string, method: string, headers?: string[], allowed: boolean, exposes?: string[], credentials?: boolean, reads?: string[] } — fix the entry`;
}

/** A `document` that is not text. */
export function documentMessage({ input }: Written): string {
  return `${show(input, SHOWN)} is not text; document takes a CORS policy as text in any supported format (S3 XML, AWS CLI JSON, a rule array...) — pass the file's contents, e.g. fs.readFileSync("cors.json", "utf8")`;
}
