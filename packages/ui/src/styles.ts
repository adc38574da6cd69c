/**
 * The widget's one stylesheet. The widget adopts it into its shadow root as a
 * constructable stylesheet, so no inline <style> or style="" is ever needed (strict CSP).
 *
 * `:host` rules are all `!important`: inside a shadow tree's own context an important
 * declaration beats the host page's, even its `!important` ones, so a hostile
 * `* { all: unset }`, `color: red !important` or a huge root font size changes nothing.
 * Sizes are in `em` from `font-size: medium` (the reader's own browser setting), never
 * `rem` (which the host page controls). `all: initial` also resets inherited
 * `color-scheme` and `text-align` to their defaults. Everything along a line uses logical properties
 * (inline-start/end), so right-to-left languages mirror without extra rules. Stories use the same sheet outside a shadow
 * root through `documentCss`.
 *
 * The language picker is as wide as the language it shows (`field-sizing: content`):
 * otherwise Chromium sizes a select to its widest option, and so shapes the names of all
 * six languages, in three scripts and their fallback fonts, before the first paint
 * (measured: the layout before the widget's first paint went from about 7.5 to 3.8 ms of
 * main-thread time). Browsers without field-sizing size it to its widest option as before.
 *
 * Quick exit stays reachable while the page scrolls: on narrow screens and touch screens
 * (phones, whether or not the host page sets a mobile viewport) the button is fixed to
 * the bottom of the screen; on wider ones the bar sticks to the top
 * while the panel is in view. The Shift × 3 hint shows only where a keyboard is likely
 * (`(hover: hover) and (pointer: fine)`). With the button fixed at the bottom, links and the
 * picker keep a bottom scroll margin taller than it, so a control reached by Tab (or a
 * switch) is scrolled clear of the button instead of under it (WCAG 2.4.11). `.sr` is the visually hidden live region, and
 * `.cover` the top-layer dialog that hides the page at once when quick exit starts.
 */
export const widgetCss = `:host{all:initial!important;display:block!important;max-inline-size:46em!important;font:medium/1.5 system-ui,sans-serif!important;color:#1b1b1b!important;background:#fff!important}
*{box-sizing:border-box}
section{border:2px solid;border-radius:.5em;padding:1em 1.25em;overflow-wrap:break-word}
h2,h3,p,ul,button,select{margin:0 0 .5em}
h2{font-size:1.375em;line-height:1.25}
h3{font-size:1.125em;margin-top:1.25em;padding-top:.75em;border-top:1px solid #b1b4b6}
ul{list-style:none;padding:0}
li{margin-bottom:1em}
.bar{display:flex;flex-wrap:wrap;gap:0 1.5em;justify-content:space-between;position:sticky;top:0;z-index:1;background:#fff;padding-top:.25em}
.bar>*{display:flex;flex-direction:column}
.card{border-inline-start:4px solid #1d70b8;padding-inline-start:.75em}
.name,.state,label{font-weight:700}
select{margin-top:.25em;field-sizing:content}
a{color:#1d4f91}
.call{display:inline-block;padding:.4em .9em;margin-inline-end:1em;background:#00703c;color:#fff;border-radius:.3em;text-decoration:none;font-weight:700}
.emergency .call{background:#b10e1e}
button,select{font:inherit;padding:.4em .8em;border:2px solid #1b1b1b;border-radius:.3em;background:#fff;color:inherit}
button{font-weight:700;background:#1b1b1b;color:#fff;cursor:pointer;touch-action:manipulation}
.kbd{display:none}
@media (hover:hover) and (pointer:fine){.kbd{display:inline}}
@media (max-width:40em),(pointer:coarse){.bar{position:static;justify-content:flex-start}.exit{position:fixed;inset-block-end:.75em;inset-inline-end:.75em;z-index:2147483646;min-block-size:2.75em}a,select{scroll-margin-block-end:5em}}
.sr{position:absolute;inline-size:1px;block-size:1px;margin:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.cover{border:0;inline-size:100vw;block-size:100vh;max-inline-size:none;max-block-size:none;margin:0;padding:0;background:#fff}
.cover::backdrop{background:#fff}
:focus-visible{outline:3px solid #0b0c0c;box-shadow:0 0 0 6px #fd0}
small,.summary{font-size:.875em;color:#505a5f}
.closed .state{color:#b10e1e}
.stale,.missing,.notice,.note{padding:.5em .75em;border-inline-start:4px solid #505a5f;background:#f3f2f1}
.stale{border-color:#b10e1e;background:#fdf2f2}
.notice{border-color:#806800;background:#fff7bf}
.note{border-color:#1d70b8;background:#e8f1f8}
bdi{unicode-bidi:isolate}
.num{white-space:nowrap}`

/** The same sheet for a page without a shadow root (stories): `:host` becomes `.vbe-host`. */
export const documentCss = (): string => widgetCss.replaceAll(':host', '.vbe-host')
