import { createHash } from "node:crypto";
import { BackendError, CorsPolicyError } from "../../errors";
import { failed, type Subject } from "../failure";
import { DEFAULT_DEADLINES_MS, deadline, type Deadline } from "../limits";
import { knownSecrets, rememberSecret } from "../secrets";
import type { HttpResponse } from "../http/request";
import { isOk, swiftRequest, type SwiftRequest } from "./request";

/** A token and the storage URL it is good for. */
export interface SwiftSession {
  readonly token: string;
  readonly storageUrl: string;
  /** Where the credentials came from, for messages: `OS_AUTH_TOKEN`, `tempauth`, `keystone`. */
  readonly source: string;
  /** Every secret string of this session, for scrubbing messages. */
  readonly secrets: readonly string[];
}

/** Swift credentials as read from the environment (names of python-swiftclient and openstackclient). */
interface SwiftEnv {
  readonly token?: string; // OS_AUTH_TOKEN
  readonly storageUrl?: string; // OS_STORAGE_URL
  readonly tempAuthUrl?: string; // ST_AUTH
  readonly tempAuthUser?: string; // ST_USER
  readonly tempAuthKey?: string; // ST_KEY
  readonly keystoneUrl?: string; // OS_AUTH_URL
  readonly username?: string; // OS_USERNAME
  readonly password?: string; // OS_PASSWORD
  readonly projectName?: string; // OS_PROJECT_NAME
  readonly projectId?: string; // OS_PROJECT_ID
  readonly userDomain?: string; // OS_USER_DOMAIN_NAME
  readonly projectDomain?: string; // OS_PROJECT_DOMAIN_NAME
  readonly region?: string; // OS_REGION_NAME
}

/** How one login is made. */
export interface SessionOptions {
  /** Log in again even when a session is cached (after a 401). */
  readonly fresh?: boolean;
  /** The deadline of the operation the login is part of. @default a new one of DEFAULT_DEADLINES_MS.operation */
  readonly limit?: Deadline;
}

const sessions = new Map<string, SwiftSession>();

/**
 * Authenticates at call time from the environment, in this order: a pre-issued
 * token (`OS_AUTH_TOKEN` + `OS_STORAGE_URL`, or the target's storage URL);
 * TempAuth v1 (`ST_AUTH`, `ST_USER`, `ST_KEY`); Keystone v3 password
 * (`OS_AUTH_URL`, `OS_USERNAME`, `OS_PASSWORD`, `OS_PROJECT_NAME`|`OS_PROJECT_ID`, domains).
 * Sessions are cached by a hash of the credentials. Redirects are refused (backends/swift/request.ts).
 */
export async function swiftSession(
  storageUrlOverride: string | undefined,
  vendor: string,
  container: string,
  options: SessionOptions = {},
): Promise<SwiftSession> {
  const env = readEnv();
  const key = createHash("sha256")
    .update(JSON.stringify([env, storageUrlOverride ?? ""]))
    .digest("hex");
  const cached = sessions.get(key);
  if (cached !== undefined && options.fresh !== true) return cached;
  const subject: Subject = { vendor, bucket: container, noun: "container", secrets: knownSecrets() };
  const session = await login(env, storageUrlOverride, subject, options.limit ?? deadline(DEFAULT_DEADLINES_MS.operation));
  for (const secret of session.secrets) rememberSecret(secret);
  sessions.set(key, session);
  return session;
}

function readEnv(): SwiftEnv {
  const pick = (name: string) => (process.env[name] === undefined || process.env[name] === "" ? {} : { [name]: process.env[name] });
  const e = {
    ...pick("OS_AUTH_TOKEN"),
    ...pick("OS_STORAGE_URL"),
    ...pick("ST_AUTH"),
    ...pick("ST_USER"),
    ...pick("ST_KEY"),
    ...pick("OS_AUTH_URL"),
    ...pick("OS_USERNAME"),
    ...pick("OS_PASSWORD"),
    ...pick("OS_PROJECT_NAME"),
    ...pick("OS_PROJECT_ID"),
    ...pick("OS_USER_DOMAIN_NAME"),
    ...pick("OS_PROJECT_DOMAIN_NAME"),
    ...pick("OS_REGION_NAME"),
  } as Record<string, string>;
  const out: Record<string, string | undefined> = {
    token: e["OS_AUTH_TOKEN"],
    storageUrl: e["OS_STORAGE_URL"],
    tempAuthUrl: e["ST_AUTH"],
    tempAuthUser: e["ST_USER"],
    tempAuthKey: e["ST_KEY"],
    keystoneUrl: e["OS_AUTH_URL"],
    username: e["OS_USERNAME"],
    password: e["OS_PASSWORD"],
    projectName: e["OS_PROJECT_NAME"],
    projectId: e["OS_PROJECT_ID"],
    userDomain: e["OS_USER_DOMAIN_NAME"],
    projectDomain: e["OS_PROJECT_DOMAIN_NAME"],
    region: e["OS_REGION_NAME"],
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

async function login(env: SwiftEnv, storageUrlOverride: string | undefined, subject: Subject, limit: Deadline): Promise<SwiftSession> {
  if (env.token !== undefined) {
    const storageUrl = storageUrlOverride ?? env.storageUrl;
    if (storageUrl === undefined)
      throw new CorsPolicyError(
        `OS_AUTH_TOKEN is set but no storage URL is known — export OS_STORAGE_URL, or set the target's endpoint to the storage URL (…/v1/AUTH_<project>)`,
        { code: "MissingCredentials" },
      );
    return { token: env.token, storageUrl, source: "OS_AUTH_TOKEN", secrets: [env.token] };
  }
  if (env.tempAuthUrl !== undefined && env.tempAuthUser !== undefined && env.tempAuthKey !== undefined) {
    return tempAuth(
      env.tempAuthUrl,
      env.tempAuthUser,
      env.tempAuthKey,
      storageUrlOverride,
      { ...subject, secrets: [...subject.secrets, env.tempAuthKey] },
      limit,
    );
  }
  if (env.keystoneUrl !== undefined && env.username !== undefined && env.password !== undefined) {
    return keystone(env, storageUrlOverride, { ...subject, secrets: [...subject.secrets, env.password] }, limit);
  }
  throw new CorsPolicyError(
    `no Swift credentials in the environment of the Pulumi program — export OS_AUTH_TOKEN and OS_STORAGE_URL, or ST_AUTH, ST_USER and ST_KEY (TempAuth), or OS_AUTH_URL, OS_USERNAME, OS_PASSWORD and OS_PROJECT_NAME (Keystone v3)`,
    { code: "MissingCredentials" },
  );
}

/** TempAuth v1: GET auth URL with X-Auth-User/X-Auth-Key → X-Auth-Token + X-Storage-Url (https://docs.openstack.org/swift/latest/overview_auth.html). */
async function tempAuth(
  url: string,
  user: string,
  key: string,
  storageUrlOverride: string | undefined,
  subject: Subject,
  limit: Deadline,
): Promise<SwiftSession> {
  const operation = "Auth (TempAuth v1)";
  const response = await authRequest({ url, headers: { "X-Auth-User": user, "X-Auth-Key": key } }, subject, operation, limit);
  const token = response.headers["x-auth-token"];
  const storageUrl = storageUrlOverride ?? response.headers["x-storage-url"];
  if (!isOk(response) || token === undefined || storageUrl === undefined) {
    throw failed(subject, {
      operation,
      status: response.status,
      code: "AuthFailed",
      serviceCode: isOk(response) ? "NoToken" : "AuthFailed",
      detail: `login as ${JSON.stringify(user)} at ${url} was refused — check ST_USER and ST_KEY`,
    });
  }
  return { token, storageUrl, source: "tempauth", secrets: [key, token] };
}

/** Keystone v3 password auth; the object-store endpoint comes from the catalog (https://docs.openstack.org/api-ref/identity/v3/). */
async function keystone(env: SwiftEnv, storageUrlOverride: string | undefined, subject: Subject, limit: Deadline): Promise<SwiftSession> {
  const operation = "Auth (Keystone v3)";
  const project = env.projectId !== undefined ? { id: env.projectId } : { name: env.projectName, domain: { name: env.projectDomain ?? "Default" } };
  const body = {
    auth: {
      identity: { methods: ["password"], password: { user: { name: env.username, password: env.password, domain: { name: env.userDomain ?? "Default" } } } },
      scope: { project },
    },
  };
  const base = env.keystoneUrl!.replace(/\/+$/, "");
  const url = `${base}${/\/v3$/.test(base) ? "" : "/v3"}/auth/tokens`;
  // The token body holds the catalog, read (under the cap) only when it names the storage URL.
  const readCatalog = (status: number) => (status >= 200 && status < 300 && storageUrlOverride === undefined ? "text" : "none");
  const response = await authRequest(
    { url, method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body), read: readCatalog },
    subject,
    operation,
    limit,
  );
  const token = response.headers["x-subject-token"];
  if (!isOk(response) || token === undefined) {
    throw failed(subject, {
      operation,
      status: response.status,
      code: "AuthFailed",
      serviceCode: "AuthFailed",
      detail: `login as ${JSON.stringify(env.username)} at ${url} was refused — check OS_USERNAME, OS_PASSWORD and the project`,
    });
  }
  rememberSecret(token);
  const storageUrl = storageUrlOverride ?? catalogObjectStore(jsonOf(response), env.region);
  if (storageUrl === undefined) {
    throw failed(subject, {
      operation,
      code: "AuthFailed",
      serviceCode: "NoObjectStore",
      detail: `the service catalog has no public object-store endpoint${env.region === undefined ? "" : ` in region ${env.region}`} — set OS_REGION_NAME, or the target's endpoint`,
    });
  }
  return { token, storageUrl, source: "keystone", secrets: [env.password!, token] };
}

/** The token body; a body that is not JSON has no catalog. */
function jsonOf(response: HttpResponse): unknown {
  try {
    return JSON.parse(response.text) as unknown;
  } catch {
    return undefined;
  }
}

function catalogObjectStore(body: unknown, region: string | undefined): string | undefined {
  const catalog =
    (body as { token?: { catalog?: { type?: string; endpoints?: { interface?: string; region?: string; region_id?: string; url?: string }[] }[] } } | undefined)
      ?.token?.catalog ?? [];
  const store = catalog.find((s) => s.type === "object-store");
  const endpoint = store?.endpoints?.find((e) => e.interface === "public" && (region === undefined || e.region === region || e.region_id === region));
  return endpoint?.url;
}

/** A login request; a network failure becomes a `BackendError` naming the auth URL (never the credentials). */
async function authRequest(request: SwiftRequest, subject: Subject, operation: string, limit: Deadline): Promise<HttpResponse> {
  try {
    return await swiftRequest(request, subject, operation, limit);
  } catch (error) {
    if (!(error instanceof BackendError) || error.code !== "NetworkError") throw error;
    throw failed(subject, {
      operation,
      code: "NetworkError",
      serviceCode: error.serviceCode,
      detail: `could not reach ${request.url} — check the auth URL and that the service is reachable`,
      cause: error,
      ...(error.hint === undefined ? {} : { hint: error.hint }),
    });
  }
}
