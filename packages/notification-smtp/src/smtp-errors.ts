import { PermanentDeliveryError } from '@statdesk/core';

interface SmtpErrorShape {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

// Server replies often quote the address ("<sara@example.ir>: no such user"): never keep it.
const ADDRESS = /<?[^\s<>@]+@[^\s<>@]+>?/g;

/** The failure in words without the address, and whether retrying could help. */
export function classifySmtpError(error: unknown): Error {
  const e = (typeof error === 'object' && error !== null ? error : {}) as SmtpErrorShape;
  const reply = (e.response ?? e.message ?? String(error)).replace(ADDRESS, '<recipient>').trim();
  // A 5xx reply to the envelope (RCPT TO) or to the message itself is the server's final answer.
  const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600 && (e.code === 'EENVELOPE' || e.code === 'EMESSAGE');
  if (permanent) return new PermanentDeliveryError(`SMTP server refused the message: ${reply}`);
  return new Error(`SMTP delivery failed${e.code ? ` (${e.code})` : ''}: ${reply}`);
}
