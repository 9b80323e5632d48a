import { DateTime } from 'luxon';

/**
 * The sentences Redress adds around what staff write, in each language customers are served in. Staff write
 * the empathy and the substance; these lines carry the facts the customer must always get (what next, by when,
 * who owns it, where to follow it, what they can do if refused), so no message can forget them.
 */
export type CustomerLanguage = 'en' | 'uk' | 'ru' | 'lv';

interface Phrases {
  locale: string;
  whatNext: string;
  expectedBy: (date: string) => string;
  ownedBy: (team: string, reference: string) => string;
  follow: (url: string) => string;
  delayApology: string;
  newDate: (date: string) => string;
  question: string;
  answerAt: (url: string) => string;
  whatWeDid: string;
  whyNot: string;
  alternative: string;
  yourOptions: string;
  referral: (escalateTo: string, days: number) => string;
}

const PHRASES: Record<CustomerLanguage, Phrases> = {
  en: {
    locale: 'en-GB',
    whatNext: 'What happens next:',
    expectedBy: (date) => `We expect to have this resolved by ${date}.`,
    ownedBy: (team, reference) => `Your case is looked after by our ${team} team (reference ${reference}).`,
    follow: (url) => `You can follow its progress at any time: ${url}`,
    delayApology: 'We are sorry: this is taking longer than we told you.',
    newDate: (date) => `We now expect to have it resolved by ${date}.`,
    question: 'To move forward we need one thing from you:',
    answerAt: (url) => `Please answer here: ${url}`,
    whatWeDid: 'What we have done:',
    whyNot: 'The reason we could not do everything you asked:',
    alternative: 'What we can offer instead:',
    yourOptions: 'Your next steps:',
    referral: (to, days) => `If you are not satisfied with this answer, you have the right to refer it to ${to} within ${days} days.`,
  },
  uk: {
    locale: 'uk-UA',
    whatNext: 'Що буде далі:',
    expectedBy: (date) => `Ми плануємо вирішити це до ${date}.`,
    ownedBy: (team, reference) => `Вашим зверненням опікується наша команда «${team}» (номер ${reference}).`,
    follow: (url) => `Стежити за перебігом можна будь-коли тут: ${url}`,
    delayApology: 'Вибачте: це триває довше, ніж ми обіцяли.',
    newDate: (date) => `Тепер ми плануємо вирішити це до ${date}.`,
    question: 'Щоб рухатися далі, нам потрібно від вас одне:',
    answerAt: (url) => `Будь ласка, дайте відповідь тут: ${url}`,
    whatWeDid: 'Що ми зробили:',
    whyNot: 'Причина, чому ми не змогли зробити все, про що ви просили:',
    alternative: 'Що ми можемо запропонувати натомість:',
    yourOptions: 'Ваші наступні кроки:',
    referral: (to, days) => `Якщо ця відповідь вас не влаштовує, ви маєте право звернутися до ${to} протягом ${days} днів.`,
  },
  ru: {
    locale: 'ru-RU',
    whatNext: 'Что будет дальше:',
    expectedBy: (date) => `Мы планируем решить это до ${date}.`,
    ownedBy: (team, reference) => `Вашим обращением занимается наша команда «${team}» (номер ${reference}).`,
    follow: (url) => `Следить за ходом можно в любое время здесь: ${url}`,
    delayApology: 'Извините: это занимает больше времени, чем мы обещали.',
    newDate: (date) => `Теперь мы планируем решить это до ${date}.`,
    question: 'Чтобы продолжить, нам нужно от вас одно:',
    answerAt: (url) => `Пожалуйста, ответьте здесь: ${url}`,
    whatWeDid: 'Что мы сделали:',
    whyNot: 'Причина, по которой мы не смогли сделать всё, о чём вы просили:',
    alternative: 'Что мы можем предложить взамен:',
    yourOptions: 'Ваши следующие шаги:',
    referral: (to, days) => `Если этот ответ вас не устраивает, вы вправе обратиться в ${to} в течение ${days} дней.`,
  },
  lv: {
    locale: 'lv-LV',
    whatNext: 'Kas notiks tālāk:',
    expectedBy: (date) => `Mēs plānojam to atrisināt līdz ${date}.`,
    ownedBy: (team, reference) => `Jūsu lietu kārto mūsu komanda “${team}” (numurs ${reference}).`,
    follow: (url) => `Gaitai varat sekot jebkurā laikā šeit: ${url}`,
    delayApology: 'Atvainojiet: tas aizņem ilgāku laiku, nekā mēs solījām.',
    newDate: (date) => `Tagad mēs plānojam to atrisināt līdz ${date}.`,
    question: 'Lai turpinātu, mums no jums vajag vienu lietu:',
    answerAt: (url) => `Lūdzu, atbildiet šeit: ${url}`,
    whatWeDid: 'Ko mēs esam izdarījuši:',
    whyNot: 'Iemesls, kāpēc mēs nevarējām izdarīt visu, ko lūdzāt:',
    alternative: 'Ko mēs varam piedāvāt vietā:',
    yourOptions: 'Jūsu nākamie soļi:',
    referral: (to, days) => `Ja šī atbilde jūs neapmierina, jums ir tiesības vērsties ${to} ${days} dienu laikā.`,
  },
};

function phrases(language: string): Phrases {
  return PHRASES[language as CustomerLanguage] ?? PHRASES.en;
}

/** A date as a customer reads it, in the organisation's time zone and the customer's language. */
export function customerDate(at: Date, timeZone: string, language = 'en'): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).setLocale(phrases(language).locale).toFormat('cccc d LLLL yyyy, HH:mm');
}

interface Context {
  language: string;
  timeZone: string;
  reference: string;
  teamName: string;
  publicUrl: string;
}

const join = (...blocks: (string | null | false | undefined)[]) => blocks.filter(Boolean).join('\n\n');

/** The first response: that we heard them (staff's own words), what happens next, by when, who owns it. */
export function acknowledgementMessage(c: Context & { message: string; nextSteps: string; expectedBy: Date | null }): string {
  const p = phrases(c.language);
  return join(
    c.message.trim(),
    `${p.whatNext} ${c.nextSteps.trim()}`,
    c.expectedBy && p.expectedBy(customerDate(c.expectedBy, c.timeZone, c.language)),
    `${p.ownedBy(c.teamName, c.reference)}\n${p.follow(c.publicUrl)}`,
  );
}

/** A later expected date: an apology, the reason in the customer's terms, the new date. */
export function delayMessage(c: Context & { customerReason: string; expectedBy: Date }): string {
  const p = phrases(c.language);
  return join(p.delayApology, c.customerReason.trim(), p.newDate(customerDate(c.expectedBy, c.timeZone, c.language)), p.follow(c.publicUrl));
}

/** A customer-visible update written by staff. */
export function updateMessage(c: Context & { body: string }): string {
  return join(c.body.trim(), phrases(c.language).follow(c.publicUrl));
}

/** A question to the customer; they answer on their status page. */
export function informationRequestMessage(c: Context & { question: string }): string {
  const p = phrases(c.language);
  return join(`${p.question}\n${c.question.trim()}`, p.answerAt(c.publicUrl));
}

export interface ResolutionParts {
  customerMessage: string;
  remedy: string | null;
  refusalReason: string | null;
  alternativeOffered: string | null;
  nextSteps: string | null;
  referralText: string | null;
}

export function referralText(language: string, escalateTo: string, timeLimitDays: number): string {
  return phrases(language).referral(escalateTo, timeLimitDays);
}

/** The outcome: what was done, and for a refusal why not, what instead, what the customer can do next. */
export function resolutionMessage(c: Context & ResolutionParts): string {
  const p = phrases(c.language);
  return join(
    c.customerMessage.trim(),
    c.remedy && `${p.whatWeDid} ${c.remedy.trim()}`,
    c.refusalReason && `${p.whyNot} ${c.refusalReason.trim()}`,
    c.alternativeOffered && `${p.alternative} ${c.alternativeOffered.trim()}`,
    c.nextSteps && `${p.yourOptions} ${c.nextSteps.trim()}`,
    c.referralText,
    p.follow(c.publicUrl),
  );
}
