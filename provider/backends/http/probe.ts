import { unescapeXmlText } from "../../formats/xml-text";
import { sendHttp } from "./request";
import { DEFAULT_DEADLINES_MS, deadline, type Deadline } from "../limits";
import type { ProbeAnswer } from "../types";

/**
 * Sends one request as a browser would (a preflight when method is OPTIONS, or the request that
 * follows it) through the one HTTP client (backends/http/request.ts): anonymous, a 3xx returned as
 * the answer (a browser does not follow a redirected preflight either), the body read up to 64 KiB
 * for an S3 error's code and message. Rejects as the client does.
 */
export async function sendProbe(
  url: string,
  method: string,
  headers: Readonly<Record<string, string>>,
  limit: Deadline = deadline(DEFAULT_DEADLINES_MS.probe),
): Promise<Omit<ProbeAnswer, "url">> {
  const answer = await sendHttp({ url, method, headers, limit, read: "probe" });
  const code = element(answer.text, "Code");
  const message = element(answer.text, "Message");
  return {
    status: answer.status,
    headers: answer.headers,
    ...(code === undefined ? {} : { errorCode: code }),
    ...(message === undefined ? {} : { errorMessage: message }),
  };
}

/** The text of the first `<name>` element of an S3 error body, unescaped; no XML parser for two fields of an error. */
function element(body: string, name: string): string | undefined {
  const raw = new RegExp(`<${name}>([^<]*)</${name}>`).exec(body)?.[1];
  if (raw === undefined) return undefined;
  const text = unescapeXmlText(raw);
  return text.ok ? text.value : raw;
}
