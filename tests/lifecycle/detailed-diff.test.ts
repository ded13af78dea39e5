import { checkInputs } from "../../provider/lifecycle/check";
import { diffPolicy } from "../../provider/lifecycle/diff";
import type { PolicyOutputs } from "../../provider/lifecycle/types";

/*
 * diff's detailed paths (provider/lifecycle/detailed-diff.ts), which the plugin sends as the
 * engine's detailed diff (issue 20): what changed by path, so `preview --diff` shows the decision.
 */

const aws = { profile: "aws" as const, bucket: "assets", region: "eu-west-1" };
const app = { allowedOrigins: ["https://app.example.com"], allowedMethods: ["GET" as const] };
const olds: PolicyOutputs = {
  target: aws,
  rules: [app, { allowedOrigins: ["https://b.example.com", "https://c.example.com"], allowedMethods: ["GET" as const, "PUT" as const], maxAgeSeconds: 600 }],
  onExisting: "fail",
  verify: "read",
  resourceId: "aws:assets",
  fingerprint: "sha256:0",
};

/** The detailed diff from `olds` to the inputs a program writes (checked first, as the engine does). */
async function detailOf(written: Record<string, unknown>, before: Partial<PolicyOutputs> = olds) {
  const { inputs, failures } = checkInputs(written);
  expect(failures).toEqual([]);
  const outcome = await diffPolicy(before, inputs!);
  expect(outcome.changes).toBe(outcome.detail.length > 0);
  return outcome.detail;
}

test("nothing when the rules are the same in another order of origins and another case of methods", async () => {
  const reordered = { allowedOrigins: ["https://c.example.com", "https://b.example.com"], allowedMethods: ["put", "get"], maxAgeSeconds: 600 };
  expect(await detailOf({ target: aws, rules: [app, reordered] })).toEqual([]);
});

test("a rule added in front is one add at rules[0], not an update of every later rule", async () => {
  const front = { allowedOrigins: ["https://new.example.com"], allowedMethods: ["GET"] };
  expect(await detailOf({ target: aws, rules: [front, ...olds.rules] })).toEqual([{ path: "rules[0]", kind: "add" }]);
});

test("a removed rule is a delete at its old index", async () => {
  expect(await detailOf({ target: aws, rules: [olds.rules[1]] })).toEqual([{ path: "rules[0]", kind: "delete" }]);
});

test("an edited rule names its fields: an origin added, max age removed", async () => {
  const edited = { allowedOrigins: ["https://b.example.com", "https://c.example.com", "https://d.example.com"], allowedMethods: ["GET", "PUT"] };
  expect(await detailOf({ target: aws, rules: [app, edited] })).toEqual([
    { path: "rules[1].allowedOrigins", kind: "update" },
    { path: "rules[1].maxAgeSeconds", kind: "delete" },
  ]);
});

test("a field set where it was unset is an add", async () => {
  expect(await detailOf({ target: aws, rules: [{ ...app, exposeHeaders: ["ETag"] }, olds.rules[1]] })).toEqual([
    { path: "rules[0].exposeHeaders", kind: "add" },
  ]);
});

test("another bucket replaces the target; another spelling of the same bucket updates it", async () => {
  const replaced = await diffPolicy(olds, checkInputs({ target: { ...aws, bucket: "other" }, rules: olds.rules }).inputs!);
  expect(replaced).toEqual({ changes: true, replaces: ["target"], deleteBeforeReplace: true, detail: [{ path: "target", kind: "update-replace" }] });
  const respelt = { ...aws, endpoint: "https://s3.eu-west-1.amazonaws.com" };
  expect(await detailOf({ target: respelt, rules: olds.rules })).toEqual([{ path: "target", kind: "update" }]);
});

test("settings compared whole: verify from its default, expect added", async () => {
  const expect_ = [{ origin: "https://app.example.com", method: "GET", allowed: true }];
  expect(await detailOf({ target: aws, rules: olds.rules, expect: expect_, verify: "preflight" })).toEqual([
    { path: "expect", kind: "add" },
    { path: "verify", kind: "update" },
  ]);
});

test("an update that may have landed rewrites the rules even when the program's are the same", async () => {
  const unconfirmed: PolicyOutputs = { ...olds, unconfirmed: "the update may have landed" };
  expect(await detailOf({ target: aws, rules: olds.rules }, unconfirmed)).toEqual([{ path: "rules", kind: "update" }]);
});
