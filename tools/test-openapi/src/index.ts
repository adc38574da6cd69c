export {
  checkedFetch,
  contractOf,
  ContractViolation,
  OpenApiContract,
  operationsOf,
  type DocumentOperation,
  type OpenApiDocument,
} from './contract.js'
export {
  countBySeverity,
  describeFindings,
  lintOpenApi,
  redoclyFindings,
  spectralFindings,
  type LintFinding,
  type LintReport,
} from './lint.js'
export { describeOpenApiDocument, type DocumentSuiteOptions } from './document-suite.js'
export { answerProblems, describeOpenApiFuzz, requestsFor, type FuzzOptions, type FuzzRequest, type FuzzSession } from './fuzz.js'
export { passwordLogin, type LoginSession } from './password-login.js'
