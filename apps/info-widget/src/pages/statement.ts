/**
 * The accessibility statement (tillgänglighetsredogörelse) for the public widget and the
 * snippet generator, after DIGG's model: who stands behind the service, how accessible it
 * is, what is not, how to report a problem (the feedback route), how to complain to the
 * supervisory authority (DIGG), and how the service was checked. Swedish, and English.
 * The feedback address is configuration (`feedbackUrl`), confirmed by the city before
 * publishing; it is not invented here.
 */
import { escapeHtml as esc } from '../escape.js'
import { page } from './html.js'

export interface StatementOptions {
  /** Where to report an accessibility problem (a contact page or a mailto: address). */
  readonly feedbackUrl: string
  /** The date the statement was first written, YYYY-MM-DD. */
  readonly written: string
  /** The date it was last reviewed, YYYY-MM-DD. */
  readonly reviewed: string
}

/** DIGG's page for reporting a public body's lacking digital accessibility. */
export const DIGG_REPORT_URL = 'https://www.digg.se/tdosanmalan'

export function statementPageSv(o: StatementOptions): string {
  const feedback = esc(o.feedbackUrl)
  return page(
    'Tillgänglighetsredogörelse – informationsrutan om våldsbejakande extremism',
    `<main>
<p><a href="/tillganglighet/en.html" lang="en" hreflang="en">Accessibility statement in English</a></p>
<h1>Tillgänglighetsredogörelse för informationsrutan och kodgeneratorn</h1>
<p class="lead">Stockholms stad står bakom informationsrutan &lt;vbe-info&gt;, som visar vart man kan vända sig vid oro för att någon dras in i våldsbejakande extremism, och kodgeneratorn som webbredaktörer använder för att bädda in den. Vi vill att så många som möjligt ska kunna använda dem. Här beskriver vi hur de uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service, vilka brister vi känner till och hur du kan rapportera brister till oss.</p>
<h2>Hur tillgänglig är tjänsten?</h2>
<p>Tjänsten är delvis förenlig med lagen om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs nedan.</p>
<h2>Vad kan du göra om du inte kan använda delar av tjänsten?</h2>
<p>Ring 112 om någon är i fara nu. Är det inte akut kan du ringa polisen på 114 14. Du kan också kontakta din stadsdelsförvaltning; dess nummer finns i informationsrutan och i den vanliga kontaktlistan som visas när JavaScript är avstängt.</p>
<h2 id="feedback">Rapportera brister i tjänstens tillgänglighet</h2>
<p>Vi strävar hela tiden efter att förbättra tjänstens tillgänglighet. Om du upptäcker problem som inte beskrivs på den här sidan, eller om du anser att vi inte uppfyller lagens krav, <a href="${feedback}">meddela oss</a> så att vi får veta att problemet finns. Berätta gärna vilken sida och vilket språk det gäller.</p>
<h2>Tillsyn</h2>
<p>Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn av lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du <a href="${DIGG_REPORT_URL}">kontakta Digg och påtala det</a>.</p>
<h2>Teknisk information om tjänstens tillgänglighet</h2>
<p>Tjänsten är delvis förenlig med nivå AA i standarden Web Content Accessibility Guidelines (WCAG) version 2.1, på grund av de brister som beskrivs nedan.</p>
<h3>Innehåll som inte är tillgängligt</h3>
<ul>
<li>Texterna på arabiska, persiska, somaliska och tigrinska, både rutans egna texter och kontaktuppgifterna, är utkast som ännu inte har granskats av personer med språket som modersmål. De kan innehålla fel som gör dem svåra att förstå (WCAG 3.1).</li>
<li>Snabbutgången med Shift-tangenten tre gånger finns bara med tangentbord. På mobil och surfplatta finns i stället en knapp som alltid syns längst ned på skärmen.</li>
<li>Kodgeneratorn finns bara på svenska, med engelska förklaringar inom parentes.</li>
<li>Redogörelsen finns på svenska och engelska. Den som läser rutan på arabiska, persiska, somaliska eller tigrinska kommer till den engelska; länken säger det.</li>
<li>Tigrinska skrivs med etiopisk skrift. Saknar din enhet ett typsnitt för den visas tecknen som rutor; det kan vi inte styra.</li>
</ul>
<h2>Hur vi testat tjänsten</h2>
<p>Vi har själva granskat tjänsten. Varje ändring testas automatiskt i webbläsaren Chromium: axe-granskning på alla sex språk, tangentbordsnavigering med synlig fokusmarkering, omflöde i 320 pixlars bredd, högerställd text för arabiska och persiska, mobil med pekskärm och en strikt innehållssäkerhetspolicy. Tjänsten har ännu inte testats med användare av skärmläsare.</p>
<p>Redogörelsen skrevs ${esc(o.written)} och uppdaterades senast ${esc(o.reviewed)}.</p>
</main>`,
    { lang: 'sv' },
  )
}

export function statementPageEn(o: StatementOptions): string {
  const feedback = esc(o.feedbackUrl)
  return page(
    'Accessibility statement – the violent extremism information box',
    `<main>
<p><a href="/tillganglighet/" lang="sv" hreflang="sv">Tillgänglighetsredogörelse på svenska</a></p>
<h1>Accessibility statement for the information box and the snippet generator</h1>
<p class="lead">The City of Stockholm is responsible for the &lt;vbe-info&gt; information box, which shows where to turn when you worry that someone is being drawn into violent extremism, and for the snippet generator web editors use to embed it. We want as many people as possible to be able to use them. This statement describes how they meet the Swedish Act on accessibility to digital public services (2018:1937), the problems we know of, and how you can report problems to us.</p>
<h2>How accessible is the service?</h2>
<p>The service is partially compliant with the Act, because of the problems listed below.</p>
<h2>What can you do if you cannot use parts of the service?</h2>
<p>Call 112 if someone is in danger now. If it is not urgent, call the police on 114 14. You can also contact your district administration; its number is in the information box and in the plain contact list shown when JavaScript is off.</p>
<h2 id="feedback">Reporting accessibility problems</h2>
<p>We keep working to make the service more accessible. If you find a problem that is not described here, or think we do not meet the Act's requirements, <a href="${feedback}">tell us</a> so that we know about it. Please say which page and which language it concerns.</p>
<h2>Enforcement</h2>
<p>The Agency for Digital Government (Digg) supervises the Act. If you are not satisfied with how we handle your report, you can <a href="${DIGG_REPORT_URL}" hreflang="sv">contact Digg about it</a>.</p>
<h2>Technical information about the service's accessibility</h2>
<p>The service is partially compliant with level AA of the Web Content Accessibility Guidelines (WCAG) version 2.1, because of the problems listed below.</p>
<h3>Content that is not accessible</h3>
<ul>
<li>The Arabic, Persian, Somali and Tigrinya texts, both the box's own texts and the contact details, are drafts not yet reviewed by native speakers. They may contain errors that make them hard to understand (WCAG 3.1).</li>
<li>Quick exit by pressing Shift three times needs a keyboard. On phones and tablets a button that always stays at the bottom of the screen does the same.</li>
<li>The snippet generator is in Swedish only, with English explanations in brackets.</li>
<li>This statement is in Swedish and English. Readers of the box in Arabic, Persian, Somali or Tigrinya reach the English one; the link says so.</li>
<li>Tigrinya is written in Ethiopic script. If your device has no font for it, the letters show as boxes; we cannot control that.</li>
</ul>
<h2>How we tested the service</h2>
<p>We assessed the service ourselves. Every change is tested automatically in the Chromium browser: an axe check in all six languages, keyboard navigation with a visible focus indicator, reflow at 320 pixels wide, right-to-left layout for Arabic and Persian, a phone with a touch screen, and a strict Content Security Policy. The service has not yet been tested with screen reader users.</p>
<p>This statement was first written on ${esc(o.written)} and last reviewed on ${esc(o.reviewed)}.</p>
</main>`,
    { lang: 'en' },
  )
}
