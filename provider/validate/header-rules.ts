import type { HeaderWildcardRule } from "../profiles/types";
import { show } from "../model/issue";

/** A broken header name: a stable code and the message text after `<path>: `. */
export interface HeaderProblem {
  readonly code: string;
  readonly text: string;
}

/** RFC 9110 §5.6.2 token characters. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * Checks one AllowedHeader. AWS allows one `*` per header (`x-amz-*`,
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/ManageCorsUsing.html);
 * Exoscale only as a trailing prefix wildcard (`Content-*`,
 * https://community.exoscale.com/documentation/storage/cors/).
 */
export function allowedHeaderProblem(header: string, wildcard: HeaderWildcardRule, vendor: string): HeaderProblem | undefined {
  const shape = tokenProblem(header, true);
  if (shape !== undefined) return shape;
  const stars = header.split("*").length - 1;
  if (stars > 1) {
    return { code: "header-wildcards", text: `${show(header)} has ${stars} "*"; an allowed header may contain at most one "*" — keep one, e.g. "x-amz-*"` };
  }
  if (stars === 1 && wildcard === "prefix-only" && !header.endsWith("*")) {
    return { code: "header-wildcard-position", text: `${show(header)} has "*" before its end; ${vendor} allows a header wildcard only as a prefix match — use ${show(`${header.slice(0, header.indexOf("*"))}*`)}` };
  }
  return undefined;
}

/**
 * Checks one ExposeHeader: a plain header name. AWS rejects `*`
 * (google/neuroglancer#788; noobaa-core PR #8954 matches AWS).
 */
export function exposeHeaderProblem(header: string): HeaderProblem | undefined {
  if (header.includes("*")) {
    return { code: "expose-header-wildcard", text: `${show(header)} has "*"; expose headers are exact names, S3 rejects wildcards here — list each header, e.g. "ETag"` };
  }
  return tokenProblem(header, false);
}

function tokenProblem(header: string, wildcardAllowed: boolean): HeaderProblem | undefined {
  if (header === "") {
    return { code: "header-empty", text: `"" is empty; a header entry is one header name — remove it` };
  }
  if (TOKEN.test(header)) return undefined;
  if (header.includes(",")) {
    const parts = header.split(",").map((p) => p.trim()).filter((p) => p !== "");
    return { code: "header-list", text: `${show(header)} holds several names; each entry is one header name — split it into ${parts.map((p) => show(p)).join(", ")}` };
  }
  const allowed = wildcardAllowed ? "letters, digits, \"*\" and !#$%&'+-.^_`|~" : "letters, digits and !#$%&'+-.^_`|~";
  return { code: "header-characters", text: `${show(header)} is not a header name; header names hold only ${allowed} — use ${show(header.trim().replace(/[^!#$%&'*+\-.^_`|~0-9A-Za-z]+/g, "-"))}` };
}
