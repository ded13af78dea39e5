import { DeleteBucketCorsCommand, GetBucketCorsCommand, PutBucketCorsCommand, type CORSRule } from "@aws-sdk/client-s3";
import type { Target } from "../../targets";
import { subjectOf, transportFailure, type Subject } from "../failure";
import { corsDocumentProblem, emptyConfiguration } from "./document";
import { capBody, type RawAnswer } from "./body";
import { sendContentMd5 } from "./md5";
import { classifyS3Error, writeFailure } from "./errors";
import { missingCredentials, s3ClientFor, signingSecrets, type S3Handle } from "./client";
import { targetRefusal } from "./refusals";
import type { Backend } from "../types";
import { sendProbe } from "../http/probe";
import { withoutServiceDefault } from "../no-config";
import { getProfile } from "../../profiles";
import { DEFAULT_DEADLINES_MS, deadline } from "../limits";
import { s3ObjectUrl } from "../object-url";
import { fromSdkRules, toSdkRules } from "./rules";

/**
 * The S3 API backend (`?cors` subresource) for every profile whose backend kind is
 * `s3`. Every call has an overall deadline (an abort signal per call) and a capped
 * answer body (backends/s3/body.ts).
 */
export const s3Backend: Backend = {
  async get(target, options) {
    const handle = s3ClientFor(target);
    const limit = deadline(options?.deadlineMs ?? DEFAULT_DEADLINES_MS.operation);
    let answer: RawAnswer | undefined;
    const command = new GetBucketCorsCommand({ Bucket: target.bucket, ...owner(target) });
    capBody(command, (raw) => (answer = raw));
    let rules: CORSRule[] | undefined;
    try {
      rules = (await handle.client.send(command, { abortSignal: limit.signal })).CORSRules;
    } catch (error) {
      const subject = await s3Subject(target, handle);
      const known = missingCredentials(error, subject, "GetBucketCors") ?? targetRefusal(error, target, subject, "GetBucketCors");
      if (known !== undefined) throw known;
      if (answer?.status === 200) throw corsDocumentProblem(subject, answer) ?? transportFailure(subject, "GetBucketCors", limit, error);
      const outcome = classifyS3Error(error, subject, "GetBucketCors", limit);
      if (outcome.kind === "failed") throw outcome.error;
      return outcome;
    }
    // A 200 must be a CORS document with rules; an HTML page or an empty document is not "0 rules" (docs/architecture.md, "Errors").
    if (answer !== undefined) {
      const problem = corsDocumentProblem(await s3Subject(target, handle), answer);
      if (problem !== undefined) throw problem;
    }
    if (rules === undefined || rules.length === 0) return emptyConfiguration(answer?.text ?? "");
    // Outside the try: a config we cannot read is not a service error. A service's own default is no configuration.
    return withoutServiceDefault(fromSdkRules(rules), getProfile(target.profile));
  },

  async put(target, config, options) {
    const handle = s3ClientFor(target);
    const limit = deadline(options?.deadlineMs ?? DEFAULT_DEADLINES_MS.operation);
    const command = new PutBucketCorsCommand({ Bucket: target.bucket, CORSConfiguration: { CORSRules: toSdkRules(config) }, ...owner(target) });
    capBody(command);
    sendContentMd5(command); // not the SDK's CRC32: servers that check Content-MD5 refuse it (backends/s3/md5.ts)
    try {
      await handle.client.send(command, { abortSignal: limit.signal });
    } catch (error) {
      const subject = await s3Subject(target, handle);
      throw (
        missingCredentials(error, subject, "PutBucketCors") ??
        targetRefusal(error, target, subject, "PutBucketCors") ??
        writeFailure(error, subject, "PutBucketCors", limit)
      );
    }
  },

  async preflight(target, request, options) {
    const url = request.via ?? s3ObjectUrl(target, request.key);
    const limit = deadline(options?.deadlineMs ?? DEFAULT_DEADLINES_MS.probe);
    try {
      return { url, ...(await sendProbe(url, request.method, request.headers, limit)) };
    } catch (error) {
      throw transportFailure(subjectOf(target), request.method === "OPTIONS" ? "Preflight" : `${request.method} request`, limit, error);
    }
  },

  async delete(target, options) {
    const handle = s3ClientFor(target);
    const limit = deadline(options?.deadlineMs ?? DEFAULT_DEADLINES_MS.operation);
    const command = new DeleteBucketCorsCommand({ Bucket: target.bucket, ...owner(target) });
    capBody(command);
    try {
      await handle.client.send(command, { abortSignal: limit.signal });
    } catch (error) {
      const subject = await s3Subject(target, handle);
      const known = missingCredentials(error, subject, "DeleteBucketCors") ?? targetRefusal(error, target, subject, "DeleteBucketCors");
      if (known !== undefined) throw known;
      const outcome = classifyS3Error(error, subject, "DeleteBucketCors", limit);
      if (outcome.kind === "failed") throw outcome.error; // no configuration or no bucket: nothing to remove
    }
  },
};

/** ExpectedBucketOwner when the target names one: S3 then refuses the call for a bucket another account owns. */
function owner(target: Target): { ExpectedBucketOwner?: string } {
  return target.expectedBucketOwner === undefined ? {} : { ExpectedBucketOwner: target.expectedBucketOwner };
}

async function s3Subject(target: Target, handle: S3Handle): Promise<Subject> {
  return { ...subjectOf(target, "bucket", await signingSecrets(handle)), credentials: handle.credentials.from };
}
