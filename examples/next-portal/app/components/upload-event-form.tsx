'use client';
/**
 * An event that carries a file (a bank receipt, a prepared data file), sent through the portal's
 * JSON API — the `toNextHandler` route: the file goes to `/api/files` (checked and stored by
 * statdesk), then the event goes to the workflow with the stored file's reference. Both carry
 * the session's CSRF token, as the API requires of every unsafe request.
 */
import { useRouter } from 'next/navigation';
import { useState, type FormEvent, type ReactNode } from 'react';

export interface UploadEventFormProps {
  title: string;
  fileLabel: string;
  eventUrl: string;
  policy: string;
  fileField: string;
  csrf: string;
  children: ReactNode;
}

interface Words {
  fa: string;
  en: string;
}

interface Problem {
  message?: string;
  messages?: Words;
  issues?: { path: string; message: string; messages?: Words }[];
}

/** An API error in the page's language: the SDK's words (`messages`) when the body has them. */
function inPageLanguage(problem: Problem): Problem {
  const lang = document.documentElement.lang === 'en' ? 'en' : 'fa';
  return {
    message: problem.messages?.[lang] ?? problem.message,
    issues: problem.issues?.map((issue) => ({ path: issue.path, message: issue.messages?.[lang] ?? issue.message })),
  };
}

export function UploadEventForm({ title, fileLabel, eventUrl, policy, fileField, csrf, children }: UploadEventFormProps) {
  const router = useRouter();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const data = new FormData(event.currentTarget);
      const upload = new FormData();
      upload.append('file', data.get('file') as Blob);
      const stored = await fetch(`/api/files?policy=${encodeURIComponent(policy)}`, { method: 'POST', body: upload, headers: { 'x-csrf-token': csrf } });
      const file = (await stored.json()) as Problem & { key?: string };
      if (!stored.ok || !file.key) return setProblem(inPageLanguage(file));
      const body: Record<string, unknown> = {};
      for (const [name, value] of data.entries()) if (name !== 'file' && value !== '') body[name] = value;
      body[fileField] = { key: file.key };
      const sent = await fetch(eventUrl, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', 'x-csrf-token': csrf } });
      if (!sent.ok) return setProblem(inPageLanguage((await sent.json()) as Problem));
      router.refresh();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="event" onSubmit={submit} aria-label={title} aria-busy={busy}>
      <h3>{title}</h3>
      <label>
        {fileLabel}
        <input type="file" name="file" required />
      </label>
      {children}
      {problem ? (
        <div className="form-error" role="alert">
          <p>{problem.message}</p>
          {problem.issues?.length ? (
            <ul className="issues">
              {problem.issues.map((issue) => (
                <li key={`${issue.path}:${issue.message}`} data-field={issue.path}>
                  {issue.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <button disabled={busy}>{title}</button>
    </form>
  );
}
