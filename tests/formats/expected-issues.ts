import type { Issue, IssuePath } from "../../provider/model/issue";

/** `rules[1].allowedOrigins[0]` → `["rules", 1, "allowedOrigins", 0]`: tests write paths as messages print them. */
export function pathOf(text: string): IssuePath {
  return [...text.matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map((m) => (m[1] === undefined ? m[2]! : Number(m[1])));
}

/** An expected format issue (written at the call site, so no params yet): the message is `<path>: <text>`, just `<text>` for the whole document. */
export function expectedIssue(severity: Issue["severity"], code: string, path: string, text: string): Issue {
  return { code, path: pathOf(path), severity, params: {}, message: path === "" ? text : `${path}: ${text}` };
}
