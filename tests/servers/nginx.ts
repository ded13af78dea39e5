import { nginxInstalled, NGINX } from "../../testkit/nginx-front";

/**
 * `describe` that runs only where Debian's nginx is installed (scripts/servers/install.sh). Without it the
 * suite is skipped with the install command in its title; with REQUIRE_REAL_SERVERS=1 (CI) it fails instead.
 */
export function describeWithNginx(name: string, fn: () => void): void {
  if (nginxInstalled()) {
    describe(name, fn);
    return;
  }
  const reason = `${NGINX} is not installed: run sudo bash scripts/servers/install.sh nginx`;
  if (required()) {
    describe(name, () => {
      test("fails when nginx is unavailable", () => {
        throw new Error(`REQUIRE_REAL_SERVERS is set: ${reason}`);
      });
    });
    return;
  }
  describe.skip(`${name} [skipped: ${reason}]`, fn);
}

/**
 * REQUIRE_REAL_SERVERS as scripts.ts reads it (realServersRequired). Not imported from there: scripts.ts names the
 * variables global-setup looks for, so importing it would start RGW and Swift (selection.ts) for suites that use only s3rver.
 */
function required(): boolean {
  return ["1", "true", "yes"].includes((process.env["REQUIRE_REAL_SERVERS"] ?? "").toLowerCase());
}
