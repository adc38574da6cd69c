/** `npm run build -w @vbe/info-widget`: builds dist/. With VBE_RELEASE=1, stale contact data fails the build. */
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildWidget, StaleDataError } from '../src/build.js'

const outDir = join(dirname(fileURLToPath(import.meta.url)), '../dist')
try {
  const result = await buildWidget({ outDir })
  const js = result.files['vbe-info.js']
  console.log(`Built ${outDir}: vbe-info.js ${js?.bytes} bytes, ${js?.gzip} gzipped`)
} catch (e) {
  if (e instanceof StaleDataError) {
    console.error(e.message)
    process.exit(1)
  }
  throw e
}
