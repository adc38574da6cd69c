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

/** An address written as an IP number (v4, or v6 in brackets): a public site has a name. */
const isIpLiteral = (host: string): boolean => /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith('[')

/** Names that only resolve inside an organisation's or a home's own network. */
const isLocalName = (host: string): boolean => /\.(local|lan|internal|intranet|home\.arpa)$/.test(host)

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
  if (url.username || url.password)
    return {
      ok: false,
      error:
        'Adressen får inte innehålla användarnamn eller lösenord: alla som använder snabbutgången skulle se dem. (The address must not carry a user name or password: everyone who uses quick exit would see them.)',
    }
  if (isLoopback(url.hostname) || isIpLiteral(url.hostname) || isLocalName(url.hostname))
    return {
      ok: false,
      error: `${url.hostname} är ingen publik webbplats: den som lämnar sidan skulle hamna på en sida som inte går att nå. Ange en webbplats med namn, till exempel https://www.smhi.se/. (${url.hostname} is not a public website: a reader leaving would land on a page that cannot be reached. Enter a named site, such as https://www.smhi.se/.)`,
    }
  return { ok: true, url: url.href }
}
