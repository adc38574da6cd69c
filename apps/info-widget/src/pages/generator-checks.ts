/** The snippet generator's checks, in Swedish with English after (the page's readers are web editors). */

/** Host names that only reach the machine itself: the snippet would work nowhere else. */
const isLoopback = (host: string): boolean =>
  host === 'localhost' ||
  host.endsWith('.localhost') ||
  /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) ||
  host === '[::1]' ||
  host === '0.0.0.0' ||
  host === '[::]'

/** Why a script address will not serve a public site, or undefined when it will. */
export function scriptUrlWarning(scriptUrl: string): string | undefined {
  const url = new URL(scriptUrl)
  const problems: string[] = []
  if (isLoopback(url.hostname))
    problems.push(
      `Adressen ${url.host} finns bara på den här datorn: rutan syns inte för någon annan. (${url.host} only exists on this computer: nobody else will see the widget.)`,
    )
  if (url.protocol === 'http:')
    problems.push(
      'Skriptet hämtas över okrypterad http: webbläsare blockerar det på https-sidor och rutan kan inte kontrollera sina data. (The script is served over unencrypted http: browsers block it on https pages and the widget cannot check its data.)',
    )
  return problems.length
    ? `${problems.join(' ')} Hämta koden från generatorn på den publicerade https-adressen. (Get the code from the generator at the published https address.)`
    : undefined
}

export type ExitCheck = { ok: true; url: string | undefined } | { ok: false; error: string }

/** The quick-exit address: empty (the widget's default) or a full https address. */
export function checkExitUrl(value: string): ExitCheck {
  const v = value.trim()
  if (v === '') return { ok: true, url: undefined }
  let url: URL
  try {
    url = new URL(v)
  } catch {
    return {
      ok: false,
      error:
        'Skriv en hel adress som börjar med https://, till exempel https://www.smhi.se/. (Enter a full address starting with https://.)',
    }
  }
  if (url.protocol !== 'https:' || !url.hostname.includes('.'))
    return {
      ok: false,
      error:
        'Adressen måste börja med https:// och leda till en publik webbplats. (The address must start with https:// and lead to a public website.)',
    }
  return { ok: true, url: url.href }
}
