import { describe, expect, it } from '@jest/globals';
import { customerEmail, staffEmail } from './email-templates.js';

const URL = 'https://redress.example.com/public/complaints/abc';
const PURPOSES = ['acknowledgement', 'update', 'information_request', 'delay', 'resolution'];

describe('customer e-mails', () => {
  it.each(['en', 'uk', 'ru', 'lv'])('in %s: a subject of its own for every purpose, each naming the reference, and the status link', (language) => {
    const subjects = PURPOSES.map((purpose) => customerEmail({ purpose, language, body: 'Body', reference: 'CMP-2026-000001', publicUrl: URL }).subject);
    expect(new Set(subjects).size).toBe(PURPOSES.length);
    for (const subject of subjects) expect(subject).toContain('CMP-2026-000001');
    const mail = customerEmail({ purpose: 'update', language, body: 'Body', reference: 'CMP-2026-000001', publicUrl: URL });
    expect(mail.text).toContain(URL);
    expect(mail.html).toContain(`href="${URL}"`);
    expect(mail.html).toContain(`lang="${language}"`);
  });

  it('falls back to English for a language we do not write in, and for a purpose without a subject of its own', () => {
    expect(customerEmail({ purpose: 'update', language: 'de', body: 'B', reference: 'R', publicUrl: URL }).subject).toBe('News about your case R');
    expect(customerEmail({ purpose: 'something_new', language: 'lv', body: 'B', reference: 'R', publicUrl: URL }).subject).toBe('Jūsu lieta R');
  });

  it('keeps paragraphs and line breaks, and escapes every character of the text in HTML', () => {
    const { html } = customerEmail({ purpose: 'update', language: 'en', body: 'First <b>one</b>\nline two\n\nSecond & last', reference: 'R', publicUrl: URL });
    expect(html).toContain('<p>First &lt;b&gt;one&lt;/b&gt;<br>line two</p>\n<p>Second &amp; last</p>');
  });
});

describe('staff e-mails', () => {
  it('are English, with the body as written', () => {
    const mail = staffEmail({ purpose: 'agenda_published', body: 'The agenda is published: https://x/agenda' });
    expect(mail.subject).toBe('Redress: A customer committee agenda is ready');
    expect(mail.text).toBe('The agenda is published: https://x/agenda\n');
  });
});
