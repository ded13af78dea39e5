import type { Output } from "./output";

/** A preflight answer, evaluated or received. */
export interface Answer {
  readonly allowed: boolean;
  readonly status: number | undefined;
  readonly headers: Readonly<Record<string, string>>;
  readonly matchedRule?: number | undefined;
  readonly errorCode?: string | undefined;
  readonly errorMessage?: string | undefined;
  /** Why an answer the server allowed is still denied (the browser's own check). */
  readonly note?: string | undefined;
}

/** Prints `ALLOWED by rules[0] (200)` or `DENIED (403 AccessForbidden: …)`, then the headers, sorted by name. */
export function printAnswer(out: Output, answer: Answer): void {
  const status = answer.status === undefined ? "no status" : String(answer.status);
  if (answer.allowed) {
    const by = answer.matchedRule === undefined ? "" : ` by rules[${answer.matchedRule}]`;
    out.line(`${out.style.ok("ALLOWED")}${by} (${status})`);
  } else {
    // RGW answers an empty <Message>: no colon after the code then.
    const message = answer.errorMessage === undefined || answer.errorMessage.trim() === "" ? "" : `: ${answer.errorMessage}`;
    const error = answer.errorCode === undefined ? "" : ` ${answer.errorCode}${message}`;
    const note = answer.note === undefined ? "" : `; ${answer.note}`;
    out.line(`${out.style.bad("DENIED")} (${status}${error}${note})`);
  }
  const names = Object.keys(answer.headers).sort();
  out.line(names.length === 0 ? "Headers: none" : "Headers:");
  for (const name of names) out.line(`  ${name}: ${answer.headers[name] ?? ""}`);
}
