/** @internal */
export { targetSchema } from "./schema";
export { R2_JURISDICTIONS, type R2Jurisdiction, type Target, type TargetCredentials, type TargetInput } from "./types";
export { knownLocationOf, locationOf, resourceIdOf } from "./identity";
export { endpointOf, regionOf, templateEndpointOf, templateFilled } from "./endpoint";
export { checkTarget, endpointPathAllowed } from "./check";
export { endpointProblem, endpointProblemText, hasUserInfo, type EndpointProblem } from "./endpoint-url";
export { describeTarget } from "./describe";
export { unsetVariable } from "./env-name";
export { targetDialect, targetProfile } from "./dialect";
export { hostPartProblems } from "./host-parts";
