/**
 * A bucket this program creates, so index.ts can pass its name to a preset as an Output.
 *
 * On AWS you would not write this: `new aws.s3.BucketV2("uploads", { bucket: … })` from
 * `@pulumi/aws` is used the same way (`bucket: uploads.bucket`). This stand-in is a Pulumi dynamic
 * resource, so it works on any S3-compatible endpoint (DigitalOcean Spaces, Ceph RGW, s3rver)
 * without a provider plugin; it only creates the bucket and deletes it.
 * @see https://www.pulumi.com/docs/iac/concepts/resources/dynamic-providers/
 */
import * as pulumi from "@pulumi/pulumi";

/** The bucket and where it lives. Credentials are named, never passed: inputs are stored in the state. */
export interface S3BucketArgs {
  /** The S3 endpoint, e.g. `https://nyc3.digitaloceanspaces.com`. */
  readonly endpoint: pulumi.Input<string>;
  /** The signing region (`nyc3` on Spaces). */
  readonly region: pulumi.Input<string>;
  /** The bucket's name; a change replaces the bucket. */
  readonly name: pulumi.Input<string>;
  /** Environment variables holding the access key id and secret, read when the provider runs. */
  readonly credentials: pulumi.Input<{ readonly accessKeyIdEnv: string; readonly secretAccessKeyEnv: string }>;
  /**
   * Path-style addressing (`https://host/<bucket>`), which Ceph RGW and most self-hosted servers need.
   * @default false: virtual-hosted (`https://<bucket>.host`) as AWS and Spaces use; an IP endpoint such as s3rver's is path-style anyway.
   */
  readonly forcePathStyle?: pulumi.Input<boolean>;
}

/** The inputs as the provider receives them, resolved. */
interface S3BucketState {
  readonly endpoint: string;
  readonly region: string;
  readonly name: string;
  readonly credentials: { readonly accessKeyIdEnv: string; readonly secretAccessKeyEnv: string };
  readonly forcePathStyle?: boolean;
}

/** Where the bucket is: a change to any of these is another bucket. */
const LOCATION: ReadonlyArray<keyof S3BucketState> = ["endpoint", "region", "name", "forcePathStyle"];

/** The value of an environment variable the args name; unset is an error rather than an anonymous request. */
function fromEnv(variable: string): string {
  const value = process.env[variable];
  if (value === undefined || value === "") throw new Error(`S3Bucket: environment variable ${variable} is not set`);
  return value;
}

/**
 * A client for one operation. The SDK is required here, not imported at the top: Pulumi serializes
 * the provider's functions into the state and runs them in another process, so they must not
 * capture a live client or module.
 */
function clientFor(state: S3BucketState) {
  const s3 = require("@aws-sdk/client-s3") as typeof import("@aws-sdk/client-s3");
  const credentials = { accessKeyId: fromEnv(state.credentials.accessKeyIdEnv), secretAccessKey: fromEnv(state.credentials.secretAccessKeyEnv) };
  const client = new s3.S3Client({ endpoint: state.endpoint, region: state.region, forcePathStyle: state.forcePathStyle ?? false, credentials });
  return { s3, client };
}

const s3BucketProvider: pulumi.dynamic.ResourceProvider = {
  async create(inputs: S3BucketState) {
    const { s3, client } = clientFor(inputs);
    await client.send(new s3.CreateBucketCommand({ Bucket: inputs.name }));
    return { id: inputs.name, outs: inputs };
  },
  async diff(_id: string, olds: S3BucketState, news: S3BucketState) {
    const replaces = LOCATION.filter((key) => olds[key] !== news[key]);
    const changes = replaces.length > 0 || JSON.stringify(olds.credentials) !== JSON.stringify(news.credentials);
    return { changes, replaces };
  },
  // Only the credential variable names can change in place; they are read at each operation.
  async update(_id: string, _olds: S3BucketState, news: S3BucketState) {
    return { outs: news };
  },
  // A bucket that still holds objects is not deleted: the service's error fails `pulumi destroy`.
  async delete(id: string, state: S3BucketState) {
    const { s3, client } = clientFor(state);
    await client.send(new s3.DeleteBucketCommand({ Bucket: id }));
  },
};

/** An S3 bucket on any S3-compatible endpoint; `name` is its name as an Output, for `targets.*({ bucket })`. */
export class S3Bucket extends pulumi.dynamic.Resource {
  declare readonly name: pulumi.Output<string>;
  declare readonly endpoint: pulumi.Output<string>;
  declare readonly region: pulumi.Output<string>;

  constructor(name: string, args: S3BucketArgs, opts?: pulumi.CustomResourceOptions) {
    super(s3BucketProvider, name, { ...args }, opts, "example", "S3Bucket");
  }
}
