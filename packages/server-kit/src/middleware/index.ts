// The kit's middleware, one folder each with its test beside it; `createApi` installs them.
export { jsonBody, INVALID_BODY, invalidProblem, REQUEST_INVALID, jsonDepthExceeds, MAX_JSON_DEPTH, nulStrings } from './json-body/index.js'
export { bodyLimit, DEFAULT_BODY_LIMIT, type BodyLimits } from './body-limit/index.js'
export { noStore } from './no-store/index.js'
export { safeParameters } from './safe-parameters/index.js'
export { securityHeaders } from './security-headers/index.js'
export { CSRF_HEADER, INSECURE_SESSION_COOKIE, SESSION_COOKIE, session } from './session/index.js'
export { PROBLEM_TYPE, problemErrorHandler, problemNotFound, problemResponse, requestLanguage } from './problems/index.js'
