'use client';
/**
 * A form posting to a server action, showing the desk's refusal (fields named) or the action's
 * result in place. Without JavaScript it still posts; with it, the page does not reload.
 */
import { startTransition, useActionState, type FormEvent, type ReactNode } from 'react';
import type { ActionState } from '../../lib/action-state';

export interface ActionFormProps {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  children: ReactNode;
  className?: string;
  /** Names the form for assistive technology and tests. */
  label?: string;
  /** Shown while the action runs. */
  busyText?: string;
}

export function ActionForm({ action, children, className = 'event', label, busyText }: ActionFormProps) {
  const [state, formAction, pending] = useActionState(action, {});
  // Sent by hand rather than by React's form action, which clears every field when the action
  // ends: a refused form keeps what the person typed. Without JavaScript, `action` still posts.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    startTransition(() => formAction(data));
  };
  return (
    <form action={formAction} onSubmit={submit} className={className} aria-label={label} aria-busy={pending}>
      {children}
      {pending && busyText ? <p className="busy">{busyText}</p> : null}
      {state.error ? (
        <div className="form-error" role="alert" data-error-type={state.error.type}>
          <p>{state.error.message}</p>
          {state.error.issues.length ? (
            <ul className="issues">
              {state.error.issues.map((issue) => (
                <li key={`${issue.path}:${issue.message}`} data-field={issue.path}>
                  {issue.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {state.result ? (
        <div className="result" role="status">
          {state.result.note ? <p>{state.result.note}</p> : null}
          <dl>
            {state.result.rows.map((row) => (
              <div key={row.className}>
                <dt>{row.label}</dt>
                <dd className={row.className} dir={row.ltr ? 'ltr' : undefined}>
                  {row.value}
                </dd>
              </div>
            ))}
          </dl>
          {state.result.answers?.length ? (
            <ul className="answers">
              {state.result.answers.map((a) => (
                <li key={`${a.when}:${a.text}`}>
                  <small>{a.when}</small>
                  <p>{a.text}</p>
                </li>
              ))}
            </ul>
          ) : null}
          {state.result.link ? <a href={state.result.link.href}>{state.result.link.text}</a> : null}
        </div>
      ) : null}
    </form>
  );
}
