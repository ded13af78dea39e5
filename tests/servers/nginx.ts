import { nginxInstalled, NGINX } from "../../testkit/nginx-front";
import { realServersRequired } from "./scripts";

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
  if (realServersRequired()) {
    describe(name, () => {
      test("fails when nginx is unavailable", () => {
        throw new Error(`REQUIRE_REAL_SERVERS is set: ${reason}`);
      });
    });
    return;
  }
  describe.skip(`${name} [skipped: ${reason}]`, fn);
}
