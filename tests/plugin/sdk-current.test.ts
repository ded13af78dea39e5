import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { repoRoot } from "../../testkit/host/paths";
import { pulumiCliRequired } from "../../testkit/engine/pulumi-cli";
import { COMMITTED_SDKS, codegenBinary, generateSdk } from "../../scripts/codegen/sdks";

/*
 * The committed SDKs are what `npm run codegen` generates from the schema of these sources: each
 * is generated afresh into a temporary directory with the cached codegen build
 * (scripts/go-build.sh, which .ci/run builds) and compared file by file. A missing build skips
 * the suite, and fails it under REQUIRE_PULUMI_CLI=1 (CI), like the engine suites.
 */

const repo = repoRoot();
const { version } = JSON.parse(fs.readFileSync(path.join(repo, "package.json"), "utf8")) as { version: string };

/** Every file under `dir`, as sorted relative paths with / separators. */
function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

let binary: string | undefined;
let missing = "";
try {
  binary = codegenBinary(repo, false);
} catch (error) {
  missing = (error as Error).message;
}

if (binary === undefined && !pulumiCliRequired()) {
  describe.skip(`The committed SDKs [skipped: ${missing}]`, () => test("are current", () => undefined));
} else {
  describe("The committed SDKs", () => {
    test.each(COMMITTED_SDKS)("the $language SDK in $dir is what npm run codegen generates from the schema of these sources", ({ language, dir }) => {
      if (binary === undefined) throw new Error(`REQUIRE_PULUMI_CLI is set: ${missing}`);
      const fresh = fs.mkdtempSync(path.join(os.tmpdir(), `bucket-cors-sdk-${language}-`));
      try {
        generateSdk(binary, language, fresh, version);
        const committed = path.join(repo, dir);
        expect({ dir, files: filesUnder(committed) }).toEqual({ dir, files: filesUnder(fresh) });
        const stale = filesUnder(fresh).filter(
          (file) => fs.readFileSync(path.join(committed, file), "utf8") !== fs.readFileSync(path.join(fresh, file), "utf8"),
        );
        // Stale files: run `npm run codegen` and commit the result.
        expect({ dir, stale }).toEqual({ dir, stale: [] });
      } finally {
        fs.rmSync(fresh, { recursive: true, force: true });
      }
    });
  });
}
