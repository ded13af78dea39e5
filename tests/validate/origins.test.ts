import { validate } from "../../provider/validate/validate";

/** The messages for one rule allowing `origin` (GET, AWS profile). */
function messagesFor(origin: string): string[] {
  return validate({ rules: [{ allowedOrigins: [origin], allowedMethods: ["GET"] }] }).map((i) => i.message);
}

const AT = "rules[0].allowedOrigins[0]";

describe("validate: origins are checked as a browser serializes them", () => {
  test.each<[string, string, string]>([
    [
      "fails when the host has non-ASCII letters (a Cyrillic а)",
      "https://аpp.example.com",
      `${AT}: "https://аpp.example.com" has non-ASCII characters in its host; browsers send international domain names in punycode — use "https://xn--pp-6kc.example.com"`,
    ],
    [
      "fails when a wildcard origin has an international host",
      "https://*.пример.рф",
      `${AT}: "https://*.пример.рф" has non-ASCII characters in its host; browsers send international domain names in punycode — use "https://*.xn--e1afmkfd.xn--p1ai"`,
    ],
    [
      "fails when the host holds a lone surrogate",
      "https://\ud800.example",
      `${AT}: "https://\\ud800.example" has non-ASCII characters in its host; browsers send international domain names in punycode — write the host in punycode (xn--…)`,
    ],
    [
      "fails when the port is above 65535",
      "https://app.example.com:99999",
      `${AT}: "https://app.example.com:99999" has port "99999"; a port is a whole number from 1 to 65535, written without leading zeros — fix the port, or remove it for the default`,
    ],
    [
      "fails when the port is not a number",
      "https://app.example.com:abc",
      `${AT}: "https://app.example.com:abc" has port "abc"; a port is a whole number from 1 to 65535, written without leading zeros — fix the port, or remove it for the default`,
    ],
    [
      "fails when the port has a leading zero",
      "https://app.example.com:0808",
      `${AT}: "https://app.example.com:0808" has port "0808"; a port is a whole number from 1 to 65535, written without leading zeros — use "https://app.example.com:808"`,
    ],
    [
      "fails when the port is empty",
      "https://app.example.com:",
      `${AT}: "https://app.example.com:" has port ""; a port is a whole number from 1 to 65535, written without leading zeros — use "https://app.example.com"`,
    ],
    [
      "fails when the host has an empty label",
      "https://a..example",
      `${AT}: "https://a..example" has an empty label in its host; a host name is non-empty labels separated by single dots — use "https://a.example"`,
    ],
    [
      "fails when the origin ends in a space",
      "https://app.example.com ",
      `${AT}: "https://app.example.com " contains a space; browsers send origins without spaces or control characters — use "https://app.example.com"`,
    ],
    [
      "fails when the origin ends in a tab",
      "https://app.example.com\t",
      `${AT}: "https://app.example.com\\t" contains a tab; browsers send origins without spaces or control characters — use "https://app.example.com"`,
    ],
    [
      "fails when the origin holds CR/LF, never echoing them raw",
      "https://app.example.com\r\nX-Evil: 1",
      `${AT}: "https://app.example.com\\r\\nX-Evil: 1" contains a line break; browsers send origins without spaces or control characters — remove them`,
    ],
    [
      "fails when the origin holds NUL",
      "https://a\u0000b.example",
      `${AT}: "https://a\\u0000b.example" contains the control character U+0000; browsers send origins without spaces or control characters — remove them`,
    ],
    [
      "fails when the scheme is file:",
      "file://x",
      `${AT}: "file://x" uses the file: scheme; browsers send "null" as the origin of file: pages, so this never matches — serve the page over https and list that origin, e.g. "https://app.example.com"`,
    ],
    [
      "fails when the scheme is javascript:",
      "javascript://x",
      `${AT}: "javascript://x" uses the javascript: scheme; browsers send "null" as the origin of javascript: pages, so this never matches — serve the page over https and list that origin, e.g. "https://app.example.com"`,
    ],
  ])("%s", (_name, origin, message) => {
    expect(messagesFor(origin)).toEqual([message]);
  });

  test.each([
    "https://app.example.com",
    "http://localhost:3000",
    "http://localhost:*",
    "https://[::1]:8080",
    "https://example.com.",
    "https://xn--pp-6kc.example.com",
    "https://*.example.com",
    "chrome-extension://abcdefghijklmnop",
  ])("accepts %s", (origin) => {
    expect(messagesFor(origin)).toEqual([]);
  });
});
