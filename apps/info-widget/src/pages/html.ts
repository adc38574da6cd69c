import type { DistrictInfo } from '@vbe/ui'
import { escapeHtml as esc } from '../escape.js'

/**
 * The demo host pages and the snippet generator page. Plain HTML with external CSS and
 * JS only: they are served under `default-src 'self'`, like a strict district site.
 */
export const page = (
  title: string,
  body: string,
  opts: { script?: string; lang?: string; scripts?: readonly string[] } = {},
) => `<!doctype html>
<html lang="${opts.lang ?? 'sv'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<link rel="stylesheet" href="/assets/pages.css">
${[...(opts.script ? [opts.script] : []), ...(opts.scripts ?? [])].map((src) => `<script type="module" src="${esc(src)}"></script>\n`).join('')}</head>
<body>
${body}
</body>
</html>
`

export function demoDistrictPage(d: DistrictInfo, snippet: string): string {
  return page(
    `${d.name.sv} – stadsdelsområde (demo)`,
    `<header class="site"><p class="brand">Stockholms stad · demo</p><p class="crumbs"><a href="/demo/">Alla demosidor</a> · <a href="/generator/">Kodgenerator</a></p></header>
<main>
<h1>Stöd och trygghet i ${esc(d.name.sv)}</h1>
<p class="lead">Det här är en demosida som visar hur en stadsdelssida kan bädda in informationsrutan &lt;vbe-info&gt;. Sidan skickas med <code>Content-Security-Policy: default-src 'self'</code>.</p>
<p>Stadsdelen arbetar förebyggande tillsammans med skola, fritid, socialtjänst och polis. Här nedan finns vart du kan vända dig om du är orolig för någon i din närhet.</p>
${snippet}
<h2>Mer om stadsdelen</h2>
<p>Text från stadsdelens egen sida fortsätter här.</p>
</main>`,
  )
}

export function demoIndexPage(districts: readonly DistrictInfo[]): string {
  return page(
    'VBE info widget – demo',
    `<main>
<h1>Informationsrutan &lt;vbe-info&gt; – demo</h1>
<p>Demosidor för stadsdelarna, var och en med rutan inbäddad som en webbredaktör skulle göra det.</p>
<ul>
${districts.map((d) => `<li><a href="/demo/${esc(d.id)}.html">${esc(d.name.sv)}</a></li>`).join('\n')}
</ul>
<p><a href="/generator/">Kodgeneratorn för webbredaktörer</a> (Snippet generator for web editors)</p>
</main>`,
  )
}

export function generatorPage(districts: readonly DistrictInfo[]): string {
  const options = districts.map((d) => `<option value="${esc(d.id)}">${esc(d.name.sv)}</option>`).join('')
  return page(
    'Kodgenerator för informationsrutan',
    `<main>
<h1>Kodgenerator för informationsrutan</h1>
<p class="lead">Välj stadsdel och språk, kopiera koden och klistra in den i sidans HTML-kod. Koden innehåller skriptets SRI-hash och en vanlig kontaktlista som syns även när JavaScript är avstängt.</p>
<form id="gen" class="gen">
<p><label for="district">Stadsdel</label><br><select id="district" name="district">${options}</select></p>
<p><label for="lang">Språk</label><br><select id="lang" name="lang">
<option value="sv" lang="sv">Svenska</option><option value="en" lang="en">English</option><option value="ar" lang="ar" dir="rtl">العربية</option><option value="fa" lang="fa" dir="rtl">فارسی</option><option value="so" lang="so">Soomaali</option><option value="ti" lang="ti">ትግርኛ</option>
</select></p>
<p><label for="exit">Snabbutgång till (valfritt)</label><br><input id="exit" name="exit" type="url" inputmode="url" placeholder="https://www.smhi.se/" aria-describedby="exit-hint exit-error"><br><span id="exit-hint" class="hint">En neutral sida, till exempel en vädersida. Tomt ger standardvalet. <span lang="en">(A neutral page such as a weather site; empty gives the default.)</span></span><br><span id="exit-error" class="error" hidden></span></p>
<p><label for="heading">Egen rubrik (valfritt)</label><br><input id="heading" name="heading" type="text" maxlength="120" aria-describedby="heading-hint"><br><span id="heading-hint" class="hint">Visas i stället för standardfrågan. <span lang="en">(Shown instead of the default question.)</span></span></p>
<p><input id="inline" name="inline" type="checkbox" checked> <label for="inline">Ta med kontaktuppgifterna i koden, så att rutan syns snabbare</label><br><span class="hint">Rutan hämtar ändå alltid de senaste signerade uppgifterna. Utan bocken blir koden kortare och rutan hämtar uppgifterna när sidan visas; den vanliga listan för läsare utan JavaScript finns kvar. <span lang="en">(The widget always fetches the latest signed data too. Unticked, the code is shorter and the widget fetches the data when the page is shown; the plain list for readers without JavaScript stays.)</span></span></p>
</form>
<div id="url-warning" class="warning" role="alert" hidden><p><strong>Varning (Warning):</strong> <span id="url-warning-text"></span></p></div>
<h2><label for="code">Kod att klistra in</label></h2>
<textarea id="code" readonly rows="14" spellcheck="false"></textarea>
<p><button type="button" id="copy">Kopiera koden</button> <span id="status" role="status"></span></p>
<h2 id="preview-title">Förhandsvisning <span lang="en">(Preview)</span></h2>
<p class="hint">Rutan som koden ger, med dagens signerade uppgifter. Snabbutgången fungerar även här.</p>
<div id="preview" class="preview" role="region" aria-labelledby="preview-title"></div>
<h2>Kontrollera före publicering</h2>
<p>Varje kontakt visar sin källa och när den senast kontrollerades. Anteckningarna nedan gäller den valda stadsdelen.</p>
<ul id="notes"></ul>
<p><a href="/demo/">Se demosidorna</a> · <a href="/tillganglighet/">Tillgänglighetsredogörelse</a> (<a href="/tillganglighet/en.html" lang="en">Accessibility statement</a>)</p>
</main>`,
    { script: '/assets/generator.js', scripts: ['/widget/vbe-info.js'] },
  )
}

/**
 * The demo, generator and statement pages' stylesheet. Headings may break inside a long
 * word (Swedish compounds such as "Tillgänglighetsredogörelse") so that nothing scrolls
 * sideways at 320 px. The preview has layout containment, which makes it the containing
 * block of the widget's fixed exit button: on a phone the button stays inside the preview
 * instead of floating over the form.
 */
export const pagesCss = `
body{margin:0;font:1.0625rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1b1b1b;background:#fafafa}
main,header.site{max-width:48rem;margin:0 auto;padding:1rem 1.25rem}
header.site{border-bottom:4px solid #1d4f91;display:flex;flex-wrap:wrap;justify-content:space-between;gap:.5rem}
.brand{font-weight:700;margin:0}.crumbs{margin:0}
a{color:#1d4f91}
h1{font-size:2rem;line-height:1.2;overflow-wrap:anywhere;hyphens:auto}
main{overflow-wrap:break-word}
.lead{font-size:1.2rem}
code{background:#eee;padding:0 .2em}
label{font-weight:700}
select,input,textarea,button{font:inherit}
select,input{padding:.3rem;min-width:16rem;border:2px solid #1b1b1b}
textarea{width:100%;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85rem;border:2px solid #1b1b1b}
button{padding:.5rem 1rem;background:#00703c;color:#fff;border:0;border-radius:.25rem;font-weight:700;cursor:pointer}
:focus-visible{outline:3px solid #0b0c0c;box-shadow:0 0 0 6px #fd0}
.hint{color:#505a5f;font-size:.9rem}
.error{color:#b10e1e;font-weight:700}
[aria-invalid=true]{border-color:#b10e1e;border-width:3px}
.warning{border-inline-start:6px solid #b10e1e;background:#fdf2f2;padding:.25rem 1rem;margin:1rem 0}
.preview{border:2px dashed #505a5f;padding:1rem;margin-bottom:1rem;contain:layout}
input[type=checkbox]{min-width:0;inline-size:1.25rem;block-size:1.25rem}
[hidden]{display:none!important}
`
