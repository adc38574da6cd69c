// The kit's middleware, one folder each with its test beside it; `createApi` installs them.
export { jsonBody, invalidProblem, nulStrings } from './json-body/index.js'
export { securityHeaders } from './security-headers/index.js'
export { CSRF_HEADER, INSECURE_SESSION_COOKIE, SESSION_COOKIE, session } from './session/index.js'
export { PROBLEM_TYPE, problemErrorHandler, problemNotFound, problemResponse, requestLanguage } from './problems/index.js'
