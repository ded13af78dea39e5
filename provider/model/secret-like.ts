/*
 * Strings that look like credentials, which no message shows. A check failure used to print
 * what the user typed (issue 23, item A): a secret access key given where a field belongs
 * (`target: { secretAccessKey: "wJalr…" }`, `verify: config.require("key")`) came back in the
 * reason. The shapes are the ones scanners such as gitleaks and detect-secrets flag as
 * high-entropy: base64-like tokens mixing cases and digits (AWS secret access keys are 40 of
 * them, https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html),
 * and long hex strings (R2's secret access keys are 64 hex digits,
 * https://developers.cloudflare.com/r2/api/tokens/). Names, URLs, origins and bucket names
 * (no upper case, or dots and colons) are not secrets by these rules and stay readable.
 */

/** A base64 or URL-safe token: no dots, colons or spaces, at least 20 characters. */
const TOKEN = /^[A-Za-z0-9+/=_-]{20,}$/;

/** Hex of 40 digits or more (a 160-bit key or longer); a 32-digit R2 account id is not a secret. */
const LONG_HEX = /^[0-9a-fA-F]{40,}$/;

/** Whether a string looks like a credential: a token mixing upper case, lower case and digits, or long hex of digits and letters ("aaaa…" is not one). */
export function looksSecret(text: string): boolean {
  if (LONG_HEX.test(text)) return /[0-9]/.test(text) && /[a-fA-F]/.test(text);
  return TOKEN.test(text) && /[A-Z]/.test(text) && /[a-z]/.test(text) && /[0-9]/.test(text);
}

/** What a message shows instead of a string that looks like a credential: its length, never a character of it. */
export function hiddenSecret(text: string): string {
  return `(${text.length} characters, not shown: they look like a secret)`;
}

/** How deep and how many strings {@link secretsIn} looks at: inputs are small, and a hostile one stays cheap. */
const WALK = { depth: 16, strings: 10_000 } as const;

/** The strings in a value (keys too) that look like credentials, for scrubbing text built from it. */
export function secretsIn(value: unknown): string[] {
  const found = new Set<string>();
  let seen = 0;
  const visit = (v: unknown, depth: number): void => {
    if (seen >= WALK.strings) return;
    if (typeof v === "string") {
      seen += 1;
      if (looksSecret(v)) found.add(v);
    } else if (v !== null && typeof v === "object" && depth < WALK.depth) {
      for (const [key, inner] of Object.entries(v)) {
        visit(key, depth + 1);
        visit(inner, depth + 1);
      }
    }
  };
  visit(value, 0);
  return [...found];
}

/** Shortest run of a secret's characters {@link scrubPieces} removes: shorter runs are common words and paths. */
const MIN_PIECE = 8;

/**
 * The text with every run of {@link MIN_PIECE} or more characters that also occurs in one of
 * `secrets` replaced by `***`: a message may show a part of a value, not the value (a fix that
 * suggests `https://wJalrXUtnFEMI` for an origin `wJalrXUtnFEMI/K7MDENG/…`, a clipped prefix).
 */
export function scrubPieces(text: string, secrets: readonly string[]): string {
  const long = secrets.filter((s) => s.length >= MIN_PIECE);
  if (long.length === 0) return text;
  let out = "";
  for (let at = 0; at < text.length;) {
    const run = Math.max(0, ...long.map((secret) => runAt(text, at, secret)));
    out += run >= MIN_PIECE ? "***" : (text[at] ?? "");
    at += run >= MIN_PIECE ? run : 1;
  }
  return out;
}

/** How many characters of `text` from `at` on occur, in one piece, in `secret`. */
function runAt(text: string, at: number, secret: string): number {
  let length = 0;
  while (at + length < text.length && secret.includes(text.slice(at, at + length + 1))) length += 1;
  return length;
}
