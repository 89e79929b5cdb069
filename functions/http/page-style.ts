/**
 * The look the officers' pages share: the console (console/build.ts puts this first in its
 * app.css) and the approval page behind a notification's link (approval-page.ts, inline with its
 * CSP hash). Colours meet WCAG 2.1 AA contrast on their backgrounds; no page needs inline style
 * attributes.
 */
export const SHARED_PAGE_STYLE = `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #4f4f4f; --line: #c9c9c9; --accent: #a50e0e; --ok: #0f6b2f; --bg: #fafafa; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink); background: var(--bg); }
a { color: #0b4fa3; }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, [tabindex]:focus-visible { outline: 3px solid #0b4fa3; outline-offset: 2px; }
.banner { background: var(--accent); color: #fff; padding: .6rem 1rem; display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; justify-content: space-between; }
.banner .en, .banner .muted { color: #fff; }
.brand { margin: 0; font-weight: 600; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem 1rem 3rem; }
h1 { font-size: 1.5rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.15rem; margin: 1.75rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
.en { color: var(--muted); font-size: .92em; }
.muted { color: var(--muted); }
button { font: inherit; padding: .5rem 1.1rem; border: 2px solid var(--accent); border-radius: 4px; background: var(--accent); color: #fff; cursor: pointer; min-height: 44px; }
button .en { color: inherit; }
button.secondary { background: #fff; color: var(--accent); }
button[disabled] { opacity: .6; cursor: progress; }
input, select, textarea { font: inherit; padding: .45rem; border: 1px solid #767676; border-radius: 4px; background: #fff; color: var(--ink); min-height: 44px; max-width: 100%; }
input[type=checkbox], input[type=radio] { min-height: auto; width: 1.25rem; height: 1.25rem; }
label { display: block; margin: 0 0 .2rem; font-weight: 500; }
fieldset { border: 1px solid var(--line); border-radius: 4px; padding: .75rem 1rem; margin: 0 0 1rem; background: #fff; }
legend { font-weight: 600; padding: 0 .25rem; }
.refusal, [data-testid=error] { border-left: 4px solid var(--accent); background: #fdecea; padding: .6rem .9rem; margin: .5rem 0 1rem; }
[data-testid=recorded-decision] { border-left: 4px solid var(--ok); background: #e6f4ea; padding: .6rem .9rem; margin: .5rem 0 1rem; }
[hidden] { display: none !important; }
dl { display: grid; grid-template-columns: minmax(8rem, 14rem) 1fr; gap: .35rem 1rem; margin: 0 0 1rem; }
dt { color: var(--muted); }
dd { margin: 0; }
ul.documents { list-style: none; padding: 0; margin: 0; }
ul.documents li { padding: .2rem 0; }
ul.documents li.present::before { content: "\\2713  "; color: var(--ok); }
ul.documents li.missing::before { content: "\\2717  "; color: var(--accent); }
@media (max-width: 40rem) {
  dl { grid-template-columns: 1fr; }
  dd { margin-bottom: .4rem; }
  .banner { padding: .5rem .75rem; }
  main { padding: .75rem .75rem 2rem; }
}
`;
