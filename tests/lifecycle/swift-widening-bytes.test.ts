import { check, create } from "../../provider/lifecycle";
import { CorsPolicyError } from "../../provider/errors";
import { describeWithSwift } from "../servers/real-servers";
import { swiftOps, type SwiftOps } from "../../testkit/swift-ops";

/*
 * Swift stores a metadata value of at most 256 bytes (swift/common/constraints.py, `max_meta_value_length`),
 * so every origin of every rule, space-separated in the one Allow-Origin value, must fit. The check ran
 * only without allowWidening: with it, rules whose merged origins passed the limit got past preview and
 * failed at Swift's 400 mid-apply. The lifecycle in-process against a real Swift (docs/test-servers.md).
 */

const ALL = ["GET", "PUT", "POST", "DELETE", "HEAD"];
/** The refusal, as validation words it without widening too (validate/messages.ts, origins-too-long). */
const TOO_LONG = 'the origins take 257 bytes as Swift metadata, more than the 256 OpenStack Swift stores per value — list fewer origins, or use "*"';
const ALLOW_ORIGIN = "x-container-meta-access-control-allow-origin";

/** An origin of exactly `length` bytes: `https://` + letters + `.example`. */
const origin = (letter: string, length: number) => `https://${letter.repeat(length - "https://".length - ".example".length)}.example`;

/**
 * Two rules with different settings (GET only; every method) whose origins, merged into the container's one
 * value, take `bytes` bytes: what only allowWidening accepts. 3 origins and 2 spaces between them.
 */
function rulesMerging(bytes: number) {
  const rest = bytes - 2 - 2 * 80;
  return [
    { allowedOrigins: [origin("a", 80), origin("b", 80)], allowedMethods: ["GET"] },
    { allowedOrigins: [origin("c", rest)], allowedMethods: ALL, allowedHeaders: ["*"] },
  ];
}

describeWithSwift("Swift's 256-byte metadata value with allowWidening (real server)", (swift) => {
  let ops: SwiftOps;
  const inputs = (rules: unknown[], extra: Record<string, unknown> = {}) => ({
    target: { profile: "swift", bucket: "widened" },
    rules,
    swift: { allowWidening: true },
    ...extra,
  });

  beforeAll(async () => {
    const info = swift();
    Object.assign(process.env, { ST_AUTH: info.authUrl, ST_USER: info.user, ST_KEY: info.key });
    ops = await swiftOps(info.authUrl, info.user, info.key);
    await ops.createContainer("widened");
  }, 180_000);

  test("merged origins of exactly 256 bytes pass check, and Swift stores them", async () => {
    const rules = rulesMerging(256);
    expect(await check({}, inputs(rules))).toEqual({ inputs: inputs(rules), failures: [] });
    await create(inputs(rules) as never);
    expect((await ops.corsMeta("widened"))[ALLOW_ORIGIN]).toHaveLength(256);
  });

  test("fails at check when the merged origins take 257 bytes, before anything is sent", async () => {
    expect(await check({}, inputs(rulesMerging(257)))).toEqual({
      failures: [{ property: "", reason: `rules: ${TOO_LONG}` }],
    });
  });

  // Before the fix the create reached Swift, which refused the value mid-apply: `PostContainer on OpenStack Swift
  // container "widened" failed (400 HTTP400)`. The create checks its inputs again (lifecycle/check.ts, normalizedInputs).
  test("fails at create too, before anything is sent, and the container keeps what it held", async () => {
    const before = await ops.corsMeta("widened");
    // create checks synchronously (it returns the promise of createPolicy): called as the host awaits it.
    const error = await (async () => create(inputs(rulesMerging(257), { onExisting: "overwrite" }) as never))().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CorsPolicyError);
    expect((error as Error).message).toBe(`the inputs no longer pass check: rules: ${TOO_LONG}`);
    expect(await ops.corsMeta("widened")).toEqual(before);
  });
});
