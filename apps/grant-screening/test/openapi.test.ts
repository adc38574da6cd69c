import { describeOpenApiDocument } from '@vbe/test-openapi'
import { startTestServer } from './support/server.js'

describeOpenApiDocument('grant screening', {
  start: async () => {
    const server = await startTestServer()
    return { url: server.url, close: () => server.stop() }
  },
  moreOperationsThan: 20,
})
