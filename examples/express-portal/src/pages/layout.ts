/** The page frame (RTL in Persian, LTR in English) and how values are shown on pages. */
import { formatMoney, rial } from '@statdesk/core';
import { html, type SafeHtml } from '../html';
import type { StateValue } from 'xstate';
import { digits, labels, t, type Language } from '../i18n';
import type { PortalUser } from '../users';

/** What every page handler knows about the request. */
export interface PageState {
  lang: Language;
  csrf: string;
  user: PortalUser | undefined;
  /** The current path with its query, for the language switch. */
  path: string;
}

const dateTimeFormats: Record<Language, Intl.DateTimeFormat> = {
  fa: new Intl.DateTimeFormat('fa-IR-u-ca-persian', { timeZone: 'Asia/Tehran', dateStyle: 'medium', timeStyle: 'short' }),
  en: new Intl.DateTimeFormat('en-GB-u-ca-persian', { timeZone: 'Asia/Tehran', dateStyle: 'medium', timeStyle: 'short' }),
};

/** A UTC instant as a Solar Hijri date and Tehran time. */
export function when(lang: Language, at: Date | string | null | undefined): string {
  if (at === null || at === undefined) return '—';
  const date = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(date.getTime())) return '—';
  return `${dateTimeFormats[lang].format(date)} (${t(lang, 'tehranTime')})`;
}

export function money(lang: Language, amount: bigint | string | number | null | undefined): string {
  if (amount === null || amount === undefined) return '—';
  return formatMoney(rial(amount), { language: lang });
}

export function csrfField(page: PageState): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${page.csrf}">`;
}

function switchLanguageHref(page: PageState): string {
  const url = new URL(page.path, 'http://portal.invalid');
  url.searchParams.set('lang', page.lang === 'fa' ? 'en' : 'fa');
  return `${url.pathname}${url.search}`;
}

export function layout(page: PageState, title: string, body: SafeHtml): string {
  const { lang, user } = page;
  const nav = html`<nav>
    <a href="/">${t(lang, 'home')}</a>
    <a href="/orders">${t(lang, 'informationOrders')}</a>
    <a href="/shop">${t(lang, 'products')}</a>
    <a href="/complaints">${t(lang, 'complaints')}</a>
    <a href="/status">${t(lang, 'serviceStatus')}</a>
    ${user && user.roles.some((r) => !['applicant', 'citizen', 'customer'].includes(r)) ? html`<a href="/staff">${t(lang, 'staffQueue')}</a> <a href="/staff/search">${t(lang, 'searchCases')}</a>` : ''}
    ${user && user.roles.some((r) => ['supervisor', 'finance-officer'].includes(r)) ? html`<a href="/staff/reports">${t(lang, 'reports')}</a>` : ''}
    <a href="${switchLanguageHref(page)}" lang="${lang === 'fa' ? 'en' : 'fa'}">${lang === 'fa' ? t(lang, 'english') : t(lang, 'persian')}</a>
    ${user
      ? html`<form method="post" action="/logout" class="inline"><span>${t(lang, 'signedInAs')}: ${user.name[lang]}</span> ${csrfField(page)}<button>${t(lang, 'logout')}</button></form>`
      : html`<a href="/login">${t(lang, 'login')}</a>`}
  </nav>`;
  return html`<!doctype html>
<html lang="${lang}" dir="${lang === 'fa' ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csrf-token" content="${page.csrf}">
<title>${title === t(lang, 'siteTitle') ? title : `${title} — ${t(lang, 'siteTitle')}`}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/portal.css">
<script src="/assets/portal.js" defer></script>
</head>
<body>
<header><strong>${t(lang, 'siteTitle')}</strong>${nav}</header>
<main>
<h1>${title}</h1>
${body}
</main>
<footer><p>${t(lang, 'demoOnly')}</p><p><a href="/api/openapi.json">${t(lang, 'openapi')}</a></p></footer>
</body>
</html>`.value;
}

/** What the citizen reads about a case: one phrase, then what happens next and who acts. */
export function citizenStatus(lang: Language, workflow: string, state: StateValue): SafeHtml {
  const status = labels.citizenStatus(workflow, state, lang);
  return html`<div class="citizen-status"><p class="status-phrase">${status.phrase}</p>${status.next ? html`<p class="status-next">${status.next}</p>` : ''}${
    status.actor ? html`<p class="status-actor">${lang === 'fa' ? 'اقدام بعدی با' : 'Next step by'}: ${status.actor}</p>` : ''
  }</div>`;
}

export function numberText(lang: Language, n: number | bigint | string): string {
  return digits(lang, n);
}
