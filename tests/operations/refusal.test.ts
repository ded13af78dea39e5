import type { LiveConfig } from "../../provider/backends/types";
import type { CorsRule } from "../../provider/model/schema";
import { refusalMessage } from "../../provider/operations/refusal";
import { REFUSAL_WORDS } from "../../provider/operations/words";
import type { Target } from "../../provider/targets";

const target: Target = { profile: "s3", bucket: "assets", endpoint: "http://127.0.0.1:9000" };
const mine: CorsRule[] = [{ allowedOrigins: ["https://app.example"], allowedMethods: ["GET"] }];
const theirs: LiveConfig = { kind: "config", config: { rules: [{ allowedOrigins: ["https://other.example"], allowedMethods: ["DELETE"] }] } };
const unreadable: LiveConfig = { kind: "unreadable", raw: "<CORSConfiguration><Bad/></CORSConfiguration>", issues: [] };
const WHERE = 'S3-compatible storage bucket "assets"';
const ROUTE =
  "if these are rules you applied before and the document was edited since, name the version you applied with --expect-current OLD-FILE: the bucket is replaced only while it still holds exactly those rules";

/** The words of one surface in one table: the resource's properties, the CLI's flags. */
describe("refusalMessage", () => {
  test.each([
    [
      "resource",
      "foreign",
      theirs,
      `${WHERE} already has a CORS configuration that this stack does not manage: 1 rule ([DELETE] from https://other.example); nothing was changed — set onExisting: "adopt" to take it over (when it already matches your rules) or onExisting: "overwrite" to replace it`,
    ],
    [
      "resource",
      "different",
      theirs,
      `${WHERE} has a CORS configuration that differs from your rules, so it cannot be adopted as is: it has 1 rule ([DELETE] from https://other.example), your rules are 1 rule ([GET] from https://app.example); nothing was changed — make the rules match (bucket-cors get prints them) or set onExisting: "overwrite"`,
    ],
    [
      "resource",
      "unreadable",
      unreadable,
      `${WHERE} has a CORS configuration this package cannot read: <CORSConfiguration><Bad/></CORSConfiguration>; nothing was changed — set onExisting: "overwrite" to replace it with your rules`,
    ],
    [
      "cli",
      "foreign",
      theirs,
      `${WHERE} already has a CORS configuration: 1 rule ([DELETE] from https://other.example); nothing was changed — ${ROUTE}; else use --on-existing adopt to accept it when it already matches the document, or --on-existing overwrite to replace whatever it holds`,
    ],
    [
      "cli",
      "different",
      theirs,
      `${WHERE} has a CORS configuration that differs from the document, so it cannot be adopted: it has 1 rule ([DELETE] from https://other.example), the document has 1 rule ([GET] from https://app.example); nothing was changed — run bucket-cors plan to see the differences; ${ROUTE}; else use --on-existing overwrite`,
    ],
    [
      "cli",
      "unreadable",
      unreadable,
      `${WHERE} has a CORS configuration this package cannot read: <CORSConfiguration><Bad/></CORSConfiguration>; nothing was changed — use --on-existing overwrite to replace it with the document`,
    ],
  ] as const)("%s, %s", (surface, reason, previous, expected) => {
    expect(refusalMessage(target, { kind: "refused", reason, previous }, mine, REFUSAL_WORDS[surface])).toBe(expected);
  });
});
