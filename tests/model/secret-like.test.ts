import { show } from "../../provider/model/issue";
import { looksSecret, scrubPieces, secretsIn } from "../../provider/model/secret-like";

// Issue 23, item A: what a message shows of a value that looks like a credential.

const AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY";
const R2_SECRET = "0f9e8d7c6b5a49382716051f2e3d4c5b6a79880f9e8d7c6b5a49382716051f2e";

describe("looksSecret", () => {
  test.each([AWS_SECRET, R2_SECRET, "ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8"])("a credential's shape: %s", (text) => {
    expect(looksSecret(text)).toBe(true);
  });

  test.each([
    "https://app.example.com",
    "my-bucket-2024-assets",
    "0123456789abcdef0123456789abcdef",
    "R2_SECRET_ACCESS_KEY",
    "eu-west-1",
    "a".repeat(48),
    "Content-Type",
  ])("not a credential: %s", (text) => {
    expect(looksSecret(text)).toBe(false);
  });
});

describe("show hides what looks like a credential, wherever it is in the value", () => {
  test("a string, a value in an object and a key are replaced by their length", () => {
    expect(show(AWS_SECRET)).toBe('"(41 characters, not shown: they look like a secret)"');
    expect(show({ origin: AWS_SECRET, method: "GET" })).toBe('{"origin":"(41 characters, not shown: they look like a secret)","method":"GET"}');
    expect(show({ [R2_SECRET]: 1 })).toBe('{"(64 characters, not shown: they look like a secret)":1}');
  });

  test("the rest is shown as before, clipped to the limit", () => {
    expect(show("merge")).toBe('"merge"');
    expect(show("x".repeat(100))).toBe(`"${"x".repeat(76)}...`);
    expect(show("x".repeat(100), 20)).toBe(`"${"x".repeat(16)}...`);
  });
});

describe("scrubPieces and secretsIn", () => {
  test("removes every run of 8 or more characters of a secret, such as a fix built from it or a clipped prefix", () => {
    expect(scrubPieces('use "https://wJalrXUtnFEMI" — "wJalrXUtnF...', [AWS_SECRET])).toBe('use "https://***" — "***...');
    expect(scrubPieces("wJalrXU stays: 7 characters", [AWS_SECRET])).toBe("wJalrXU stays: 7 characters");
  });

  test("finds the credential-like strings of an input, keys included, and nothing else", () => {
    expect(secretsIn({ target: { profile: "aws", secretAccessKey: AWS_SECRET }, lint: { suppress: { [R2_SECRET]: [] } } })).toEqual([AWS_SECRET, R2_SECRET]);
  });
});
