import { BackendError, CorsPolicyError, CorsValidationError, ERROR_CODES, rewrap } from "../../provider/errors";
import { issue } from "../../provider/model/issue";

describe("the error family", () => {
  test("every class is a CorsPolicyError with a code from ERROR_CODES and keeps its cause", () => {
    const cause = new Error("socket hang up");
    const errors = [
      new CorsPolicyError("dialect: unknown"),
      new CorsValidationError([issue("x", [], "bad")], "invalid", { cause }),
      new BackendError({ vendor: "Wasabi", operation: "PutBucketCors", bucket: "b", status: 403, serviceCode: "AccessDenied", detail: "Access Denied", cause }),
    ];
    expect(errors.map((e) => [e instanceof CorsPolicyError, e.name, e.code, ERROR_CODES.includes(e.code), e.cause])).toEqual([
      [true, "CorsPolicyError", "InvalidArgument", true, undefined],
      [true, "CorsValidationError", "InvalidPolicy", true, cause],
      [true, "BackendError", "ServiceError", true, cause],
    ]);
    expect(errors[2]?.message).toBe(`PutBucketCors on Wasabi bucket "b" failed (403 AccessDenied): Access Denied`);
  });

  test("rewrap keeps class, code and fields, with the original as cause", () => {
    const original = new BackendError({
      vendor: "Ceph RGW",
      operation: "PutBucketCors",
      bucket: "b",
      status: 503,
      code: "ServiceError",
      serviceCode: "SlowDown",
    });
    const wrapped = rewrap(original, (m) => `${m}\nThe previous configuration was restored.`);
    expect(wrapped).toBeInstanceOf(BackendError);
    const backendError = wrapped as unknown as { serviceCode: string; status: number };
    expect([wrapped.code, backendError.serviceCode, backendError.status, wrapped.cause, wrapped.message]).toEqual([
      "ServiceError",
      "SlowDown",
      503,
      original,
      `PutBucketCors on Ceph RGW bucket "b" failed (503 SlowDown)\nThe previous configuration was restored.`,
    ]);
    expect(wrapped.stack?.split("\n")[0]).toBe(`BackendError: PutBucketCors on Ceph RGW bucket "b" failed (503 SlowDown)`);
  });

  test("rewrap of a foreign error is a CorsPolicyError with code Unexpected", () => {
    const original = new TypeError("x is undefined");
    const wrapped = rewrap(original, (m) => `while reading: ${m}`);
    expect([wrapped.constructor, wrapped.code, wrapped.message, wrapped.cause]).toEqual([
      CorsPolicyError,
      "Unexpected",
      "while reading: x is undefined",
      original,
    ]);
  });
});
