import type { BackendError } from "../../errors";
import { issue } from "../../model/issue";
import { failed, type Subject } from "../failure";
import type { RawAnswer } from "./body";
import type { LiveConfig } from "../types";

/**
 * Why a 200 answer to GetBucketCors is not a CORS document, as a `BackendError`
 * naming the content type and root element; undefined when it is one. A proxy's
 * login page or a website endpoint answers 200 with HTML, which the SDK would read
 * as a configuration with no rules.
 */
export function corsDocumentProblem(subject: Subject, answer: RawAnswer): BackendError | undefined {
  const root = rootElementOf(answer.text);
  // The root decides, not the content type: services label the same document application/xml, text/xml or nothing.
  if (root === "CORSConfiguration") return undefined;
  const type = answer.contentType?.split(";")[0]?.trim().toLowerCase();
  const what = [
    `content type ${type === undefined || type === "" ? "(none)" : type}`,
    root === undefined ? "no XML root element" : `root element <${root}>`,
  ].join(", ");
  return failed(subject, {
    operation: "GetBucketCors",
    code: "NotCorsDocument",
    serviceCode: "NotCorsDocument",
    status: answer.status,
    detail: `the answer is not an S3 CORS configuration (${what}) — check that the endpoint is the service's S3 API, not a website or a proxy's page`,
  });
}

/**
 * A `<CORSConfiguration>` without rules. S3 refuses to store one (PutBucketCors
 * needs at least one CORSRule: https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketCors.html),
 * and services with no configuration answer NoSuchCORSConfiguration; so it is
 * neither "none" nor a configuration, but unreadable, with the document as sent.
 */
export function emptyConfiguration(raw: string): LiveConfig {
  return {
    kind: "unreadable",
    raw,
    issues: [
      issue(
        "no-rules",
        [],
        "the bucket answered a CORS document with no rules, which S3 does not accept as a configuration — remove it (bucket-cors delete) or put rules over it",
      ),
    ],
  };
}

/** The local name of the document's root element, after any XML declaration, comments, DOCTYPE and whitespace. */
function rootElementOf(text: string): string | undefined {
  const rest = text.replace(/^\uFEFF/, "").replace(/^(\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)*/i, "");
  const name = /^<([A-Za-z_][\w.:-]*)/.exec(rest)?.[1];
  return name?.split(":").pop();
}
