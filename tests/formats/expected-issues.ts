import type { Issue, IssuePath } from "../../provider/model/issue";

/** `rules[1].allowedOrigins[0]` → `["rules", 1, "allowedOrigins", 0]`: tests write paths as messages print them. */
export function pathOf(text: string): IssuePath {
  return [...text.matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map((m) => (m[1] === undefined ? m[2]! : Number(m[1])));
}

/**
 * An expected format issue: the message is `<path>: <text>`, just `<text>` for
 * the whole document. The params are the facts the message was rendered from;
 * the exact message already pins them, so any object is accepted here.
 */
export function expectedIssue(severity: Issue["severity"], code: string, path: string, text: string): Issue {
  return { code, path: pathOf(path), severity, params: expect.any(Object) as Issue["params"], message: path === "" ? text : `${path}: ${text}` };
}
