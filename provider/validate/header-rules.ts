import type { IssuePath } from "../model/issue";
import type { HeaderWildcardRule } from "../profiles/types";
import { validationIssue, type ValidationIssue } from "./messages";

/** RFC 9110 §5.6.2 token characters. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * Checks one AllowedHeader. AWS allows one `*` per header (`x-amz-*`,
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/ManageCorsUsing.html);
 * Exoscale only as a trailing prefix wildcard (`Content-*`,
 * https://community.exoscale.com/documentation/storage/cors/).
 */
export function allowedHeaderProblem(header: string, path: IssuePath, wildcard: HeaderWildcardRule, vendor: string): ValidationIssue | undefined {
  const shape = tokenProblem(header, path, true);
  if (shape !== undefined) return shape;
  const stars = header.split("*").length - 1;
  if (stars > 1) {
    return validationIssue("header-wildcards", path, { header, stars });
  }
  if (stars === 1 && wildcard === "prefix-only" && !header.endsWith("*")) {
    return validationIssue("header-wildcard-position", path, { header, vendor, suggestion: `${header.slice(0, header.indexOf("*"))}*` });
  }
  return undefined;
}

/**
 * Checks one ExposeHeader: a plain header name. AWS rejects `*`
 * (google/neuroglancer#788; noobaa-core PR #8954 matches AWS).
 */
export function exposeHeaderProblem(header: string, path: IssuePath): ValidationIssue | undefined {
  if (header.includes("*")) {
    return validationIssue("expose-header-wildcard", path, { header });
  }
  return tokenProblem(header, path, false);
}

function tokenProblem(header: string, path: IssuePath, wildcardAllowed: boolean): ValidationIssue | undefined {
  if (header === "") {
    return validationIssue("header-empty", path, {});
  }
  if (TOKEN.test(header)) return undefined;
  if (header.includes(",")) {
    const parts = header
      .split(",")
      .map((p) => p.trim())
      .filter((p) => p !== "");
    return validationIssue("header-list", path, { header, parts });
  }
  return validationIssue("header-characters", path, { header, wildcardAllowed, suggestion: header.trim().replace(/[^!#$%&'*+\-.^_`|~0-9A-Za-z]+/g, "-") });
}
