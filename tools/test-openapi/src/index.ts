export { checkedFetch, contractOf, ContractViolation, OpenApiContract, type OpenApiDocument } from './contract.js'
export { countBySeverity, describeFindings, redoclyFindings, spectralFindings, type LintFinding } from './lint.js'
