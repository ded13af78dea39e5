export { targetSchema, R2_JURISDICTIONS, type Target, type TargetInput } from "./schema";
export { resourceIdOf } from "./identity";
export { endpointOf, regionOf } from "./endpoint";
export { checkTarget } from "./check";
