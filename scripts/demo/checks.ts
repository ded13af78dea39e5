import { evaluate, isPreflightAllowed, preflightHeaders } from "../../provider/evaluate";
import type { CorsRule } from "../../provider/model/schema";
import { sendProbe } from "../../provider/backends/http/probe";
import { green, red, table } from "./print";

/** One browser request the demo tries. */
interface Probe {
  readonly origin: string;
  readonly method: string;
  readonly headers: readonly string[];
}

const PROBES: Probe[] = [
  { origin: "https://app.example.com", method: "GET", headers: [] },
  { origin: "https://app.example.com", method: "PUT", headers: ["content-type"] },
  { origin: "https://app.example.com", method: "DELETE", headers: [] },
  { origin: "https://evil.example", method: "GET", headers: [] },
  { origin: "https://evil.example", method: "PUT", headers: ["content-type"] },
];

/**
 * Sends real browser-style preflights to the object URL, prints allowed/denied
 * with the evaluator's explanation (s3rver dialect: the demo's server), and
 * returns false when a live answer disagrees with the prediction.
 */
export async function preflightTable(objectUrl: string, rules: readonly CorsRule[]): Promise<boolean> {
  const rows = [["origin", "method", "request headers", "server", "verdict", "predicted", "why"]];
  let agree = true;
  for (const probe of PROBES) {
    const headers = preflightHeaders(probe.origin, probe.method, probe.headers);
    const live = await sendProbe(objectUrl, "OPTIONS", headers);
    const predicted = evaluate({ rules }, { method: "OPTIONS", headers }, { dialect: "s3rver" });
    const allowed = isPreflightAllowed(live.status, live.headers);
    const same = predicted.status === live.status;
    agree &&= same;
    const why = predicted.explanation.filter((line) => line.startsWith("rules[")).at(-1) ?? predicted.explanation.at(-1) ?? "";
    rows.push([
      probe.origin,
      probe.method,
      probe.headers.join(",") || "-",
      String(live.status),
      allowed ? green("allowed") : red("denied"),
      same ? "same" : red(`differs (${predicted.status})`),
      why,
    ]);
  }
  console.log(table(rows));
  return agree;
}
