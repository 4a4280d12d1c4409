/**
 * The page style and the one script, served as files so the Content-Security-Policy can forbid
 * inline code. The script sends forms that carry a file: the file goes to `/api/files` (checked
 * and stored by statdesk), then the event goes to the JSON API with the stored file's
 * reference, both with the session's CSRF token.
 */
import { createRequire } from 'node:module';

/** The Vazirmatn variable web font, from its npm package (served at `/assets/vazirmatn.woff2`). */
export const VAZIRMATN_FONT_FILE = createRequire(import.meta.url).resolve('vazirmatn/fonts/webfonts/Vazirmatn[wght].woff2');

/** The portal's icon: a bar chart on the office's blue. */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b4f6c"/><rect x="7" y="16" width="4" height="9" fill="#fff"/><rect x="14" y="10" width="4" height="15" fill="#fff"/><rect x="21" y="6" width="4" height="19" fill="#fff"/></svg>`;

export const PORTAL_CSS = `
@font-face { font-family: Vazirmatn; src: url('/assets/vazirmatn.woff2') format('woff2'); font-weight: 100 900; font-display: swap; }
body { font-family: Vazirmatn, Tahoma, sans-serif; margin: 0; line-height: 1.7; color: #1d2433; background: #f7f8fb; }
:focus-visible { outline: 3px solid #e0a100; outline-offset: 2px; }
input, select, textarea, button { font: inherit; }
input, select, textarea { padding: .35rem .45rem; border: 1px solid #9aa3b5; border-radius: .3rem; background: #fff; }
button { padding: .35rem .9rem; border-radius: .3rem; border: 1px solid #0b4f6c; background: #0b4f6c; color: #fff; cursor: pointer; justify-self: start; }
.state { display: inline-block; padding: 0 .6rem; border-radius: 1rem; background: #e3eef5; color: #0b4f6c; }
.citizen-status { background: #fff; border-inline-start: 4px solid #0b4f6c; padding: .5rem .75rem; margin: .75rem 0; border-radius: .3rem; }
.citizen-status p { margin: .2rem 0; }
.status-next, .status-actor { color: #3c475c; font-size: .95rem; }
p.field { display: grid; gap: .2rem; margin: 0; }
p.field.invalid input, p.field.invalid textarea { border-color: #a00; }
.field-error { color: #a00; font-size: .95rem; }
main table { display: block; overflow-x: auto; }
@media (max-width: 40rem) { main { padding: 0 .5rem; } form.event { max-width: none; } header nav { gap: .5rem; } }
header { background: #0b4f6c; color: #fff; padding: .75rem 1rem; }
header nav { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; margin-top: .5rem; }
header a { color: #fff; }
main { max-width: 60rem; margin: 1rem auto; padding: 0 1rem; }
footer { border-top: 1px solid #ccd; padding: .5rem 1rem; font-size: .9rem; color: #556; }
form.event { display: grid; gap: .5rem; max-width: 32rem; border: 1px solid #dde; padding: .75rem; margin: .75rem 0; border-radius: .4rem; }
form.inline { display: inline; }
label { display: grid; gap: .2rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #e3e6ee; padding: .3rem .5rem; text-align: start; }
.error, .form-error { color: #a00; }
.note { background: #fff7d6; padding: .5rem; }
tr.urgency-breached { background: #fde2e2; }
tr.urgency-at-risk { background: #fff1d6; }
`;

export const PORTAL_JS = `
document.addEventListener('submit', async (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.dataset.eventUrl) return;
  event.preventDefault();
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const errorBox = form.querySelector('.form-error');
  const show = (text) => { errorBox.textContent = text; errorBox.hidden = false; };
  const data = new FormData(form);
  const upload = new FormData();
  upload.append('file', data.get('file'));
  const stored = await fetch('/api/files?policy=' + encodeURIComponent(form.dataset.uploadPolicy), { method: 'POST', body: upload, headers: { 'x-csrf-token': csrf } });
  const file = await stored.json();
  // The SDK's words in the page's language; the developer message only when there are none.
  const lang = document.documentElement.lang === 'en' ? 'en' : 'fa';
  const say = (problem) => [problem.messages ? problem.messages[lang] : problem.message, ...(problem.issues || []).map((i) => (i.messages ? i.messages[lang] : i.path))].join(' ');
  if (!stored.ok) return show(say(file));
  const body = {};
  for (const [name, value] of data.entries()) if (name !== 'file' && value !== '') body[name] = value;
  body[form.dataset.fileField] = { key: file.key };
  const sent = await fetch(form.dataset.eventUrl, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', 'x-csrf-token': csrf } });
  if (sent.ok) return location.reload();
  show(say(await sent.json()));
});
`;
