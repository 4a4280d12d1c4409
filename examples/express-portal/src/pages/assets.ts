/**
 * The page style and the one script, served as files so the Content-Security-Policy can forbid
 * inline code. The script sends forms that carry a file: the file goes to `/api/files` (checked
 * and stored by statdesk), then the event goes to the JSON API with the stored file's
 * reference, both with the session's CSRF token.
 */
export const PORTAL_CSS = `
body { font-family: Vazirmatn, Tahoma, sans-serif; margin: 0; line-height: 1.7; color: #1d2433; }
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
  if (!stored.ok) return show(file.message + (file.issues ? ' (' + file.issues.map((i) => i.path).join(', ') + ')' : ''));
  const body = {};
  for (const [name, value] of data.entries()) if (name !== 'file' && value !== '') body[name] = value;
  body[form.dataset.fileField] = { key: file.key };
  const sent = await fetch(form.dataset.eventUrl, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', 'x-csrf-token': csrf } });
  if (sent.ok) return location.reload();
  const problem = await sent.json();
  show(problem.message + (problem.issues ? ' (' + problem.issues.map((i) => i.path).join(', ') + ')' : ''));
});
`;
