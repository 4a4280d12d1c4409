import { memoryContacts } from '@statdesk/testing';
import { describe, expect, it } from 'vitest';
import { consoleTransports, consoleNotifier, maskEmail, maskMessageText, maskMobile } from '../../src';

describe('the console notifier', () => {
  it('prints the rendered message with the address masked', async () => {
    const lines: string[] = [];
    const contacts = memoryContacts().set('sci', 'p-1', { email: 'sara.ahmadi@example.ir', mobile: '09121234567', language: 'en' });
    const notifier = consoleNotifier({ contacts, write: (text) => void lines.push(text) });
    const base = { recipient: { tenantId: 'sci', profileId: 'p-1' }, template: 'complaint.escalated', params: { trackingCode: 'C-5' }, language: 'fa' as const };
    expect(await notifier.send({ ...base, channel: 'email', idempotencyKey: 'k-1' })).toEqual({ duplicate: false, providerMessageId: 'console-1' });
    expect(await notifier.send({ ...base, channel: 'sms', idempotencyKey: 'k-2' })).toEqual({ duplicate: false, providerMessageId: 'console-2' });
    expect(await notifier.send({ ...base, channel: 'sms', idempotencyKey: 'k-2' })).toEqual({ duplicate: true, providerMessageId: 'console-2' });
    expect(lines).toEqual([
      '── e-mail to s***@example.ir [complaint.escalated, en] key k-1\nSubject: Message C-5 referred to a supervisor\n\nDear customer,\n\nYour message (tracking code C-5) has been referred to a supervisor for another review. We will tell you the outcome the same way.\n\nQuestions, Criticism, Suggestions and Complaints System\nStatistical Centre of Iran\n',
      '── SMS to 0912*****67 [complaint.escalated, en] key k-2\nStatistical Centre of Iran: message C-5 has been referred to a supervisor.',
    ]);
    expect(lines.join('\n')).not.toMatch(/sara\.ahmadi|09121234567/);
  });

  it('masks addresses', () => {
    expect(maskMobile('09121234567')).toBe('0912*****67');
    expect(maskEmail('a@b.ir')).toBe('a***@b.ir');
    expect(maskEmail('nonsense')).toBe('***');
  });

  it('masks what the other logs mask: names, links (download keys) and tracking and complaint codes', async () => {
    expect(maskMessageText('Track 140312345678 (secret 87654321) at https://portal.example.ir/downloads/tok-abc?x=1, order IO-1403-00012345.', ['Sara Ahmadi'])).toBe(
      'Track 14********78 (secret 87****21) at https://portal.example.ir/…, order IO-1403-00012345.',
    );
    expect(maskMessageText('Dear Sara Ahmadi, hello Sara Ahmadi', ['Sara Ahmadi'])).toBe('Dear S***, hello S***');
    // Persian digits too.
    expect(maskMessageText('کد ۱۴۰۳۱۲۳۴۵۶۷۸')).toBe('کد ۱۴********۷۸');
    const lines: string[] = [];
    const { email } = consoleTransports({ write: (text) => void lines.push(text) });
    await email.send({
      to: 'sara.ahmadi@example.ir',
      toName: 'Sara Ahmadi',
      tenantId: 'sci',
      language: 'en',
      idempotencyKey: 'k-9',
      message: { channel: 'email', template: 'shop-order.delivered', language: 'en', subject: 'For Sara Ahmadi', text: 'Sara Ahmadi, download: https://portal.example.ir/downloads/secret-token, code 140312345678' },
    });
    expect(lines.join('\n')).not.toMatch(/Sara Ahmadi|secret-token|140312345678|sara\.ahmadi/);
  });
});
