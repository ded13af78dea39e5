import { createServer, type Server } from "node:net";
import type { AddressInfo } from "node:net";
import { s3ObjectUrl } from "../../provider/backends/object-url";
import { s3Backend } from "../../provider/backends/s3/backend";
import { swiftBackend } from "../../provider/backends/swift/backend";
import type { Target } from "../../provider/targets";

// Issue 23, item B: a target that never went through check (a state edited by hand, a caller of
// the backends) with `region: "127.0.0.1:<port>/x#"` built a URL whose host was that listener's,
// and Swift sent its X-Auth-Token there. The built host is compared with the template's first.

process.env["BHP_KEY_ID"] = "AKIDBHP";
process.env["BHP_SECRET"] = "host-parts-secret";
const credentials = { accessKeyIdEnv: "BHP_KEY_ID", secretAccessKeyEnv: "BHP_SECRET" };

/** A TCP listener on loopback that counts the connections it gets (a TLS ClientHello is one too). */
async function listener(): Promise<{ port: number; connections: () => number; close: () => Promise<void> }> {
  let count = 0;
  const server: Server = createServer((socket) => {
    count += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return { port, connections: () => count, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const hostText = (title: string, template: string, host: string) =>
  `target: the endpoint built from ${title}'s ${template} has the host "${host}", which that template does not make; nothing was sent — check region, accountId and projectId, or give endpoint`;

describe("fails before sending when a template builds another host", () => {
  const saved = process.env["OS_AUTH_TOKEN"];
  afterEach(() => {
    if (saved === undefined) delete process.env["OS_AUTH_TOKEN"];
    else process.env["OS_AUTH_TOKEN"] = saved;
  });

  test("a vStorage region that names the listener: no connection, so no X-Auth-Token", async () => {
    process.env["OS_AUTH_TOKEN"] = "gAAAAA-token-that-must-stay-home";
    const server = await listener();
    const target: Target = { profile: "vstorage", bucket: "media", region: `127.0.0.1:${server.port}/x#`, projectId: "p" };
    await expect(swiftBackend.get(target, { deadlineMs: 3_000 })).rejects.toThrow(
      hostText("VNG Cloud vStorage", "https://{region}.vstorage.vngcloud.vn/v1/AUTH_{projectId}", `127.0.0.1:${server.port}`),
    );
    expect(server.connections()).toBe(0);
    await server.close();
  });

  test("a Spaces region that names the listener: no connection, so no signed request", async () => {
    const server = await listener();
    const target: Target = { profile: "spaces", bucket: "assets", region: `127.0.0.1:${server.port}#`, credentials };
    await expect(s3Backend.get(target, { deadlineMs: 3_000 })).rejects.toThrow(
      hostText("DigitalOcean Spaces", "https://{region}.digitaloceanspaces.com", `127.0.0.1:${server.port}`),
    );
    expect(server.connections()).toBe(0);
    await server.close();
  });

  test("the listener does count a connection: the same call with the listener as the endpoint reaches it", async () => {
    const server = await listener();
    const target: Target = { profile: "spaces", bucket: "assets", region: "nyc3", endpoint: `http://127.0.0.1:${server.port}`, credentials };
    await expect(s3Backend.get(target, { deadlineMs: 3_000 })).rejects.toThrow();
    expect(server.connections()).toBeGreaterThan(0);
    await server.close();
  });
});

describe("a live preflight's URL on AWS, where the SDK does not build it", () => {
  test("fails when the region moves the host: AWS's template is checked like any other", () => {
    expect(() => s3ObjectUrl({ profile: "aws", bucket: "assets", region: "127.0.0.1:9/x#" })).toThrow(
      hostText("Amazon S3", "https://s3.{region}.amazonaws.com", "s3.127.0.0.1:9"),
    );
  });

  test("is AWS's regional endpoint, virtual-hosted, for a checked region", () => {
    expect(s3ObjectUrl({ profile: "aws", bucket: "assets", region: "eu-west-1" })).toBe("https://assets.s3.eu-west-1.amazonaws.com/bucket-cors-verify");
    expect(s3ObjectUrl({ profile: "aws", bucket: "assets" })).toBe("https://assets.s3.us-east-1.amazonaws.com/bucket-cors-verify");
  });
});
