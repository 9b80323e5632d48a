import { escapeHtml } from '../../public/status-page.html.js';

/**
 * The e-mail around a message: a subject per purpose and a footer with the status link, in each language customers
 * are served in (English when we have no other). The message itself was composed, in the customer's language, when
 * it was queued (notifications/customer-messages.ts); staff e-mails (to departments' heads) are in English.
 */
type Language = 'en' | 'uk' | 'ru' | 'lv';

interface Wording {
  subjects: Record<string, (reference: string) => string>;
  fallbackSubject: (reference: string) => string;
  follow: string;
  reference: (reference: string) => string;
}

const WORDING: Record<Language, Wording> = {
  en: {
    subjects: {
      acknowledgement: (r) => `We have your message (${r})`,
      update: (r) => `News about your case ${r}`,
      information_request: (r) => `Your case ${r}: one question for you`,
      delay: (r) => `Your case ${r}: a new expected date`,
      resolution: (r) => `Your case ${r}: our answer`,
    },
    fallbackSubject: (r) => `Your case ${r}`,
    follow: 'Follow your case',
    reference: (r) => `Reference ${r}`,
  },
  uk: {
    subjects: {
      acknowledgement: (r) => `Ми отримали ваше звернення (${r})`,
      update: (r) => `Новини щодо вашого звернення ${r}`,
      information_request: (r) => `Ваше звернення ${r}: одне запитання до вас`,
      delay: (r) => `Ваше звернення ${r}: нова очікувана дата`,
      resolution: (r) => `Ваше звернення ${r}: наша відповідь`,
    },
    fallbackSubject: (r) => `Ваше звернення ${r}`,
    follow: 'Стежити за зверненням',
    reference: (r) => `Номер ${r}`,
  },
  ru: {
    subjects: {
      acknowledgement: (r) => `Мы получили ваше обращение (${r})`,
      update: (r) => `Новости по вашему обращению ${r}`,
      information_request: (r) => `Ваше обращение ${r}: один вопрос к вам`,
      delay: (r) => `Ваше обращение ${r}: новая ожидаемая дата`,
      resolution: (r) => `Ваше обращение ${r}: наш ответ`,
    },
    fallbackSubject: (r) => `Ваше обращение ${r}`,
    follow: 'Следить за обращением',
    reference: (r) => `Номер ${r}`,
  },
  lv: {
    subjects: {
      acknowledgement: (r) => `Esam saņēmuši jūsu ziņu (${r})`,
      update: (r) => `Jaunumi par jūsu lietu ${r}`,
      information_request: (r) => `Jūsu lieta ${r}: viens jautājums jums`,
      delay: (r) => `Jūsu lieta ${r}: jauns paredzamais datums`,
      resolution: (r) => `Jūsu lieta ${r}: mūsu atbilde`,
    },
    fallbackSubject: (r) => `Jūsu lieta ${r}`,
    follow: 'Sekot lietai',
    reference: (r) => `Numurs ${r}`,
  },
};

const STAFF_SUBJECTS: Record<string, string> = {
  agenda_published: 'A customer committee agenda is ready',
};

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

function wording(language: string): Wording {
  return WORDING[language as Language] ?? WORDING.en;
}

/** Paragraphs at blank lines, line breaks kept, every character escaped; the status link is the one link. */
function htmlBody(text: string, language: string, footer: { url: string; label: string; reference: string } | null): string {
  const paragraphs = text
    .split(/\n{2,}/)
    .map((block) => `<p>${escapeHtml(block).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  const button = footer
    ? `\n<p><a href="${escapeHtml(footer.url)}" style="display:inline-block;padding:.6em 1.2em;background:#1f4e79;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(footer.label)}</a></p>\n<p style="color:#555;font-size:.9em">${escapeHtml(footer.reference)}</p>`
    : '';
  return `<!doctype html>\n<html lang="${escapeHtml(language)}"><head><meta charset="utf-8"></head>\n<body style="font-family:Arial,sans-serif;line-height:1.5;max-width:40em;color:#222">\n${paragraphs}${button}\n</body></html>\n`;
}

/** An e-mail to a customer about their complaint. */
export function customerEmail(m: { purpose: string; language: string; body: string; reference: string; publicUrl: string }): RenderedEmail {
  const w = wording(m.language);
  const subject = (w.subjects[m.purpose] ?? w.fallbackSubject)(m.reference);
  // Most messages already end with the link; the footer gives it to every one of them, in the same place.
  const text = `${m.body.trim()}\n\n${w.follow}: ${m.publicUrl}\n${w.reference(m.reference)}\n`;
  return { subject, text, html: htmlBody(m.body.trim(), m.language, { url: m.publicUrl, label: w.follow, reference: w.reference(m.reference) }) };
}

/** An e-mail to a department's head; the body carries its own link. */
export function staffEmail(m: { purpose: string; body: string }): RenderedEmail {
  const subject = `Redress: ${STAFF_SUBJECTS[m.purpose] ?? m.purpose.replace(/_/g, ' ')}`;
  return { subject, text: `${m.body.trim()}\n`, html: htmlBody(m.body.trim(), 'en', null) };
}
