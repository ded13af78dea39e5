import { startS3rver, type EmbeddedS3 } from "../../testkit/s3rver";

/** The shared embedded s3rver, plus `host` as resource ids spell the endpoint. */
export interface TestS3 extends EmbeddedS3 {
  /** `127.0.0.1:PORT`. */
  readonly host: string;
}

/** Starts s3rver on 127.0.0.1 on a free port with a fresh directory (testkit/s3rver.ts). */
export async function startS3(): Promise<TestS3> {
  const s3 = await startS3rver();
  return { ...s3, host: s3.endpoint.replace(/^http:\/\//, "") };
}
