// Declare, diff, apply and verify the CORS policy of S3-compatible buckets and OpenStack Swift containers.
package bucketcors
