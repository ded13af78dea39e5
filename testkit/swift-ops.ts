/** Out-of-band access to a Swift account with TempAuth, to look at and edit container metadata. */
export interface SwiftOps {
  readonly storageUrl: string;
  /**
   * Makes the container, or takes the CORS metadata off the one this server already holds (PUT
   * on an existing container answers 202 and keeps its metadata): each jest worker has one Swift,
   * so a file may meet a container an earlier file made. Either way it starts with no CORS.
   */
  createContainer(name: string): Promise<void>;
  /** The container's CORS metadata headers (names lower-case), `{}` when none. */
  corsMeta(container: string): Promise<Record<string, string>>;
  /** POSTs metadata headers to the container (Swift merges them). */
  post(container: string, headers: Record<string, string>): Promise<void>;
}

/** Logs in with TempAuth v1 (`X-Auth-User`/`X-Auth-Key`) and returns container operations. */
export async function swiftOps(authUrl: string, user: string, key: string): Promise<SwiftOps> {
  const login = await fetch(authUrl, { headers: { "X-Auth-User": user, "X-Auth-Key": key } });
  const token = login.headers.get("x-auth-token");
  const storageUrl = login.headers.get("x-storage-url");
  if (!login.ok || token === null || storageUrl === null) throw new Error(`TempAuth login at ${authUrl} failed: ${login.status}`);
  const call = async (method: string, container: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${storageUrl}/${encodeURIComponent(container)}`, { method, headers: { ...headers, "X-Auth-Token": token } });
    if (!response.ok) throw new Error(`${method} ${container} failed: ${response.status}`);
    return response;
  };
  const corsMeta = async (container: string) => {
    const out: Record<string, string> = {};
    (await call("HEAD", container)).headers.forEach((value, name) => {
      if (name.startsWith("x-container-meta-access-control-")) out[name] = value;
    });
    return out;
  };
  return {
    storageUrl,
    createContainer: async (name) => {
      await call("PUT", name);
      const left = Object.keys(await corsMeta(name));
      // Swift removes a metadata item for an X-Remove-Container-Meta-* header, whatever its value.
      if (left.length > 0)
        await call("POST", name, Object.fromEntries(left.map((header) => [header.replace(/^x-container-meta-/, "x-remove-container-meta-"), "x"])));
    },
    corsMeta,
    post: async (container, headers) => {
      await call("POST", container, headers);
    },
  };
}
