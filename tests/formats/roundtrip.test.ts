import fc from "fast-check";
import { codecFor } from "../../provider/formats";
import { FORMAT_NAMES } from "../../provider/formats/types";
import { normalize } from "../../provider/model/normalize";
import { swiftContainerOf, swiftRuleOf } from "../../provider/model/swift-container";
import { getProfile } from "../../provider/profiles";
import { wideningIssuesOf } from "../../provider/model/swift-container";
import { anyConfig, splitSwiftConfig } from "./arbitraries";

/** The Swift codec writes what a container holds only when asked to (other codecs ignore it). */
const WIDER = { allowWidening: true };

describe("round trip", () => {
  test.each(FORMAT_NAMES.filter((f) => f !== "swift-headers"))(
    "%s: decode(encode(c)) is normalize(c), with no issue, whenever the format can hold c",
    (format) => {
      const codec = codecFor(format);
      let held = 0;
      fc.assert(
        fc.property(anyConfig(), (config) => {
          const normalized = normalize(config);
          if (codec.limitations(normalized).length > 0) return;
          held += 1;
          expect(codec.decode(codec.encode(config))).toEqual({ config: normalized, issues: [] });
        }),
        { numRuns: 600 },
      );
      // Each kind of configuration is a third of the runs: every format must have been exercised.
      expect(held).toBeGreaterThan(100);
    },
  );

  test.each(FORMAT_NAMES)("%s: encoding normalizes first (a config and its normal form render the same)", (format) => {
    const codec = codecFor(format);
    fc.assert(
      fc.property(anyConfig(), (config) => {
        if (codec.limitations(config).some((i) => i.severity === "error")) return;
        // What would widen on Swift is refused unless accepted (swift-encode-widening.test.ts): accepted here, to compare renderings.
        expect(codec.encode(config, WIDER)).toEqual(codec.encode(normalize(config), WIDER));
      }),
      { numRuns: 200 },
    );
  });

  test("swift-headers: decode(encode(c)) is the rule the container holds, with no issue, whenever the format can carry c; normalize(c) when nothing would widen", () => {
    const swift = codecFor("swift-headers");
    let asWritten = 0;
    fc.assert(
      fc.property(anyConfig(), (config) => {
        const normalized = normalize(config);
        if (swift.limitations(normalized).length > 0) return;
        const held = normalize({ rules: [swiftRuleOf(swiftContainerOf(normalized))] });
        expect(swift.decode(swift.encode(config, WIDER))).toEqual({ config: held, issues: [] });
        if (wideningIssuesOf(normalized, getProfile("swift"), undefined).length > 0) return;
        asWritten += 1;
        expect(held).toEqual(normalized);
      }),
      { numRuns: 600 },
    );
    // A third of the runs are Swift-shaped rules: the as-written case must have been exercised.
    expect(asWritten).toBeGreaterThan(100);
  });

  test("swift-headers: rules that differ only in origins come back as one rule with every origin", () => {
    const swift = codecFor("swift-headers");
    fc.assert(
      fc.property(splitSwiftConfig(), (config) => {
        const normalized = normalize(config);
        expect(swift.limitations(normalized).map((i) => [i.code, i.severity])).toEqual([["rules-merged", "warning"]]);
        const first = normalized.rules[0]!;
        const merged = normalize({ rules: [{ ...first, allowedOrigins: normalized.rules.flatMap((r) => r.allowedOrigins) }] });
        expect(swift.decode(swift.encode(config))).toEqual({ config: merged, issues: [] });
      }),
      { numRuns: 200 },
    );
  });
});
