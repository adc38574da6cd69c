import { describeOpenApiDocument } from '@vbe/test-openapi'
import { startServer } from '../src/index.js'

describeOpenApiDocument('plan editor', {
  start: () => startServer({ config: { kind: 'pglite', dataDir: null }, uiDir: null }),
  moreOperationsThan: 15,
})
