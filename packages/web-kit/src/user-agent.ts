/**
 * A browser's `User-Agent` header in words a person recognises: the browser with its
 * major version, and the operating system (`Chrome 131`, `Windows`). Brand names are the
 * same in Swedish and English; the caller joins them ("Chrome 131 på Windows").
 * `null` when the header names no browser this knows (show the header as it is then).
 */
export interface BrowserSummary {
  readonly browser: string
  readonly os: string | null
}

// Order matters: Edge and Opera also say "Chrome", and Chrome also says "Safari".
const BROWSERS: readonly (readonly [RegExp, string])[] = [
  [/\bEdg(?:e|A|iOS)?\/(\d+)/, 'Edge'],
  [/\b(?:OPR|Opera)\/(\d+)/, 'Opera'],
  [/\bSamsungBrowser\/(\d+)/, 'Samsung Internet'],
  [/\b(?:Firefox|FxiOS)\/(\d+)/, 'Firefox'],
  [/\b(?:HeadlessChrome|Chromium|Chrome|CriOS)\/(\d+)/, 'Chrome'],
  [/\bVersion\/(\d+)(?:\.\d+)*(?: Mobile\/\S+)? Safari\//, 'Safari'],
  [/^(Firefox|Chrome|Safari|Edge|Opera)$/, ''],
]

const SYSTEMS: readonly (readonly [RegExp, string])[] = [
  [/\b(?:iPhone|iPad|iPod)\b/, 'iOS'],
  [/\bAndroid\b/, 'Android'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
]

export function summariseUserAgent(userAgent: string): BrowserSummary | null {
  const ua = userAgent.trim()
  for (const [pattern, name] of BROWSERS) {
    const m = pattern.exec(ua)
    if (!m) continue
    const browser = name === '' ? (m[1] ?? ua) : `${name} ${m[1] ?? ''}`.trim()
    const os = SYSTEMS.find(([p]) => p.test(ua))?.[1] ?? null
    return { browser, os }
  }
  return null
}
