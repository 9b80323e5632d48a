import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { AppError } from '../common/app-error.js';
import { toErrorBody } from '../common/http-exception.filter.js';
import { EmpathyGuardErrorCode } from './empathy-guard-error-code.js';
import {
  checkMessage,
  GUARD_LANGUAGES,
  MESSAGE_ELEMENTS,
  MESSAGE_KINDS,
  REQUIREMENTS,
  RULES,
  type Finding,
  type GuardLanguage,
  type LanguageRules,
  type MessageKind,
} from './empathy-guard.js';
import { EmpathyGuardService } from './empathy-guard.service.js';

const PHRASE_RULES = ['hides_behind_policy', 'blames_customer', 'dismisses', 'internal_jargon', 'shouting'];

/** The words a rule flagged, as the customer would read them. */
function flagged(text: string, language: string, rule: string): string[] {
  return checkMessage(text, language, 'update')
    .filter((finding) => finding.rule === rule)
    .map((finding) => text.slice(finding.start, finding.end));
}

/** Findings of the wording rules only, without the missing elements. */
function wordingFindings(text: string, language: string): Finding[] {
  return checkMessage(text, language, 'update').filter((finding) => !finding.rule.startsWith('missing_'));
}

function missing(text: string, language: string, kind: MessageKind): string[] {
  return checkMessage(text, language, kind)
    .filter((finding) => finding.rule.startsWith('missing_'))
    .map((finding) => finding.rule);
}

describe('the rules files', () => {
  it.each(GUARD_LANGUAGES)('%s has every rule and every element, in the documented shape', (language) => {
    const rules: LanguageRules = RULES[language];
    expect(rules.language).toBe(language);
    expect(rules.rules.map((rule) => rule.rule)).toEqual(PHRASE_RULES);
    for (const rule of rules.rules) {
      expect(['block', 'warn']).toContain(rule.severity);
      expect(rule.description).toMatch(/\S{3}/);
      expect(rule.suggestion).toMatch(/\S{3}/);
      expect(rule.phrases.length + (rule.patterns?.length ?? 0)).toBeGreaterThan(0);
    }
    for (const element of MESSAGE_ELEMENTS) {
      expect(rules.elements[element].phrases.length).toBeGreaterThan(0);
      expect(rules.elements[element].suggestion).toMatch(/\S{3}/);
    }
  });

  it.each(GUARD_LANGUAGES)('%s: phrases are lower case, trimmed and listed once; patterns compile', (language) => {
    const rules = RULES[language];
    const lists = [
      ...rules.rules.flatMap((rule) => [rule.phrases, rule.exceptions ?? []]),
      ...MESSAGE_ELEMENTS.flatMap((element) => [rules.elements[element].phrases, rules.elements[element].exceptions ?? []]),
      ...Object.values(rules.classes ?? {}),
    ];
    for (const phrases of lists) {
      for (const phrase of phrases) {
        expect({ phrase, lower: phrase === phrase.toLowerCase() && phrase === phrase.trim() && phrase.length > 0 }).toEqual({ phrase, lower: true });
      }
      expect(new Set(phrases).size).toBe(phrases.length);
    }
    const patterns = [...rules.rules.flatMap((rule) => rule.patterns ?? []), ...MESSAGE_ELEMENTS.flatMap((element) => rules.elements[element].patterns ?? [])];
    for (const pattern of patterns) expect(() => new RegExp(pattern, 'giu')).not.toThrow();
  });

  it('uses the same severities in every language, so a message is judged the same whatever its language', () => {
    const severities = (language: GuardLanguage) => RULES[language].rules.map((rule) => `${rule.rule}:${rule.severity}`);
    for (const language of GUARD_LANGUAGES) expect(severities(language)).toEqual(severities('en'));
    expect(severities('en')).toEqual([
      'hides_behind_policy:block',
      'blames_customer:block',
      'dismisses:block',
      'internal_jargon:warn',
      'shouting:warn',
    ]);
  });
});

/**
 * [language, rule, text, the words that must be flagged]. Each row also checks the offsets: the flagged words are
 * text.slice(start, end).
 */
const MUST_FLAG: Array<[GuardLanguage, string, string, string]> = [
  ['en', 'hides_behind_policy', 'As per our policy, refunds take 30 days.', 'As per our policy'],
  ['en', 'hides_behind_policy', 'This is COMPANY POLICY.', 'COMPANY POLICY'],
  ['en', 'hides_behind_policy', 'Our company policies do not cover this.', 'company policies'],
  ['en', 'hides_behind_policy', 'According to our terms and conditions, this is excluded.', 'According to our terms and conditions'],
  ['en', 'hides_behind_policy', 'According to our terms, no.', 'According to our terms'],
  ['en', 'hides_behind_policy', 'Sorry, rules are rules.', 'rules are rules'],
  ['en', 'hides_behind_policy', 'The system doesn’t allow a second refund.', 'The system doesn’t allow'],
  ['en', 'blames_customer', 'You failed to submit the meter reading.', 'You failed to'],
  ['en', 'blames_customer', 'You should have read the terms.', 'You should have'],
  ['en', 'blames_customer', 'Frankly this is your fault.', 'your fault'],
  ['en', 'blames_customer', 'You didn’t read the contract.', 'You didn’t read'],
  ['en', 'blames_customer', 'you did not\nread the email we sent', 'you did not\nread'],
  ['en', 'blames_customer', 'You must have misunderstood the invoice.', 'You must have misunderstood'],
  ['en', 'blames_customer', 'You did not provide a receipt.', 'You did not provide'],
  ['en', 'dismisses', 'There is nothing we can do.', 'There is nothing we can do'],
  ['en', 'dismisses', "There's nothing we can do about it.", "There's nothing we can do"],
  ['en', 'dismisses', 'Please calm down.', 'calm down'],
  ['en', 'dismisses', 'That is not our problem.', 'not our problem'],
  ['en', 'dismisses', 'You are wrong about the date.', 'You are wrong'],
  ['en', 'internal_jargon', 'Your case INC-12345 is with the team.', 'INC-12345'],
  ['en', 'internal_jargon', 'It was passed to L2.', 'L2'],
  ['en', 'internal_jargon', 'We missed the SLA by a day.', 'SLA'],
  ['en', 'internal_jargon', 'Our back office will check.', 'back office'],
  ['en', 'internal_jargon', 'We followed the escalation matrix.', 'escalation matrix'],
  ['en', 'shouting', 'THIS IS NOT ACCEPTABLE AT ALL', 'THIS IS NOT ACCEPTABLE AT ALL'],
  ['en', 'shouting', 'We WILL NOT REFUND YOU.', 'WILL NOT REFUND YOU'],
  ['en', 'shouting', 'Thank you!!', '!!'],

  ['uk', 'hides_behind_policy', 'Згідно з нашою політикою повернення неможливе.', 'Згідно з нашою політикою'],
  ['uk', 'hides_behind_policy', 'Так вимагає політика компанії.', 'політика компанії'],
  ['uk', 'hides_behind_policy', 'Відповідно до політики компанії ми не повертаємо кошти.', 'Відповідно до політики компанії'],
  ['uk', 'hides_behind_policy', 'Це суперечить політиці компанії.', 'політиці компанії'],
  ['uk', 'hides_behind_policy', 'Правила є правила.', 'Правила є правила'],
  ['uk', 'hides_behind_policy', 'Згідно з умовами договору це не гарантійний випадок.', 'Згідно з умовами договору'],
  ['uk', 'blames_customer', 'Ви повинні були надіслати показники.', 'Ви повинні були'],
  ['uk', 'blames_customer', 'Це сталося з вашої вини.', 'з вашої вини'],
  ['uk', 'blames_customer', 'Вам слід було уважніше прочитати договір.', 'Вам слід було'],
  ['uk', 'blames_customer', 'Ви не ознайомились з умовами.', 'Ви не ознайомились'],
  ['uk', 'blames_customer', 'Це ваша помилка.', 'ваша помилка'],
  ['uk', 'dismisses', 'На жаль, ми нічого не можемо зробити.', 'ми нічого не можемо зробити'],
  ['uk', 'dismisses', 'Заспокойтеся, будь ласка.', 'Заспокойтеся'],
  ['uk', 'dismisses', 'Це не наша проблема.', 'не наша проблема'],
  ['uk', 'dismisses', 'Ви помиляєтесь щодо дати.', 'Ви помиляєтесь'],
  ['uk', 'dismisses', 'ЦЕ НЕ НАША ПРОБЛЕМА', 'НЕ НАША ПРОБЛЕМА'],
  ['uk', 'internal_jargon', 'Ваш тікет передано далі.', 'тікет'],
  ['uk', 'internal_jargon', 'Звернення передано на другу лінію.', 'другу лінію'],
  ['uk', 'internal_jargon', 'Ми заескалювали питання.', 'заескалювали'],
  ['uk', 'internal_jargon', 'Ним займається бекофіс.', 'бекофіс'],
  ['uk', 'shouting', 'ВИ НЕ ОТРИМАЄТЕ ЖОДНИХ ГРОШЕЙ', 'ОТРИМАЄТЕ ЖОДНИХ ГРОШЕЙ'],
  ['uk', 'shouting', 'Дякуємо!!!', '!!!'],

  ['ru', 'hides_behind_policy', 'Согласно нашей политике возврат невозможен.', 'Согласно нашей политике'],
  ['ru', 'hides_behind_policy', 'Так требует политика компании.', 'политика компании'],
  ['ru', 'hides_behind_policy', 'В соответствии с политикой компании мы не возвращаем деньги.', 'В соответствии с политикой компании'],
  ['ru', 'hides_behind_policy', 'Таковы правила.', 'Таковы правила'],
  ['ru', 'hides_behind_policy', 'Система не даёт оформить возврат.', 'Система не даёт'],
  ['ru', 'blames_customer', 'Вы должны были прислать показания.', 'Вы должны были'],
  ['ru', 'blames_customer', 'Это произошло по вашей вине.', 'по вашей вине'],
  ['ru', 'blames_customer', 'Вы невнимательно прочитали договор.', 'Вы невнимательно'],
  ['ru', 'blames_customer', 'Вам следовало прочесть договор.', 'Вам следовало'],
  ['ru', 'blames_customer', 'Деньги списаны из-за вашей ошибки.', 'из-за вашей ошибки'],
  ['ru', 'dismisses', 'Мы ничего не можем сделать.', 'Мы ничего не можем сделать'],
  ['ru', 'dismisses', 'Мы ничего\u00a0не можем\n сделать.', 'Мы ничего\u00a0не можем\n сделать'],
  ['ru', 'dismisses', 'Успокойтесь, пожалуйста.', 'Успокойтесь'],
  ['ru', 'dismisses', 'Это не наша проблема.', 'не наша проблема'],
  ['ru', 'dismisses', 'Вы ошибаетесь.', 'Вы ошибаетесь'],
  ['ru', 'internal_jargon', 'Ваш тикет передан дальше.', 'тикет'],
  ['ru', 'internal_jargon', 'Обращение ушло на вторую линию.', 'вторую линию'],
  ['ru', 'internal_jargon', 'Заявка INC12345 открыта.', 'INC12345'],
  ['ru', 'internal_jargon', 'Им занимается бэк-офис.', 'бэк-офис'],
  ['ru', 'shouting', 'ЭТО ВАША ПРОБЛЕМА', 'ЭТО ВАША ПРОБЛЕМА'],
  ['ru', 'shouting', 'Спасибо!!', '!!'],

  ['lv', 'hides_behind_policy', 'Saskaņā ar mūsu politiku naudu neatmaksājam.', 'Saskaņā ar mūsu politiku'],
  ['lv', 'hides_behind_policy', 'To nosaka uzņēmuma politika.', 'uzņēmuma politika'],
  ['lv', 'hides_behind_policy', 'Tas ir pretrunā ar uzņēmuma politikai.', 'uzņēmuma politikai'],
  ['lv', 'hides_behind_policy', 'Saskana ar musu politiku naudu neatmaksajam.', 'Saskana ar musu politiku'],
  ['lv', 'hides_behind_policy', 'Noteikumi ir noteikumi.', 'Noteikumi ir noteikumi'],
  ['lv', 'blames_customer', 'Jums vajadzēja iesniegt rādījumu.', 'Jums vajadzēja'],
  ['lv', 'blames_customer', 'Jums bija jāizlasa līgums.', 'Jums bija jāizlasa'],
  ['lv', 'blames_customer', 'Tā ir jūsu vaina.', 'jūsu vaina'],
  ['lv', 'blames_customer', 'Tas notika jusu vainas del.', 'jusu vainas del'],
  ['lv', 'blames_customer', 'Jūs neizlasījāt noteikumus.', 'Jūs neizlasījāt'],
  ['lv', 'blames_customer', 'jums bija jazina', 'jums bija jazina'],
  ['lv', 'dismisses', 'Mēs neko nevaram darīt.', 'Mēs neko nevaram darīt'],
  ['lv', 'dismisses', 'Lūdzu, nomierinieties.', 'nomierinieties'],
  ['lv', 'dismisses', 'Tā nav mūsu problēma.', 'nav mūsu problēma'],
  ['lv', 'dismisses', 'Jūs kļūdāties.', 'Jūs kļūdāties'],
  ['lv', 'internal_jargon', 'Jūsu tikets ir nodots tālāk.', 'tikets'],
  ['lv', 'internal_jargon', 'Jautājums nodots otrajai līnijai.', 'otrajai līnijai'],
  ['lv', 'internal_jargon', 'Pārkāpts SLA.', 'SLA'],
  ['lv', 'shouting', 'TAS IR NEPIEŅEMAMI UN NEGODĪGI', 'TAS IR NEPIEŅEMAMI UN NEGODĪGI'],
  ['lv', 'shouting', 'Paldies!!', '!!'],
];

describe('wording that must be flagged', () => {
  it.each(MUST_FLAG)('%s %s: %j', (language, rule, text, words) => {
    expect(flagged(text, language, rule)).toEqual([words]);
  });

  it('covers every rule in every language', () => {
    for (const language of GUARD_LANGUAGES) {
      for (const rule of PHRASE_RULES) expect(MUST_FLAG.some(([l, r]) => l === language && r === rule)).toBe(true);
    }
  });

  it('finds every flagged phrase of a long text, each at its own offsets', () => {
    const text = 'Hello. As per our policy we cannot. You failed to call L2 about INC-99881. Calm down!!';
    expect(checkMessage(text, 'en', 'update').map((f) => [f.rule, text.slice(f.start, f.end)])).toEqual([
      ['missing_next_step', ''],
      ['hides_behind_policy', 'As per our policy'],
      ['blames_customer', 'You failed to'],
      ['internal_jargon', 'L2'],
      ['internal_jargon', 'INC-99881'],
      ['dismisses', 'Calm down'],
      ['shouting', '!!'],
    ]);
  });

  it('counts offsets in UTF-16 units, as JavaScript strings do, also after emoji and accented letters', () => {
    const text = '😀 Ā jūsu vaina!';
    const [finding] = wordingFindings(text, 'lv');
    expect(finding).toMatchObject({ rule: 'blames_customer', start: 5, end: 15 });
    expect(text.slice(finding.start, finding.end)).toBe('jūsu vaina');
  });

  it('gives the suggestion and severity of the rule that matched', () => {
    const [finding] = wordingFindings('Rules are rules.', 'en');
    expect(finding).toEqual({
      rule: 'hides_behind_policy',
      severity: 'block',
      start: 0,
      end: 15,
      suggestion: RULES.en.rules.find((rule) => rule.rule === 'hides_behind_policy')!.suggestion,
    });
    expect(wordingFindings('Passed to L2.', 'en')[0].severity).toBe('warn');
  });
});

/**
 * Wording that looks like a rule but is fine. Decisions worth knowing:
 * - "You should have received a refund by now — we are sorry" is not blame: "should have received" admits that
 *   we are late, so it is an exception of blames_customer ("you should have read the terms" is still flagged).
 *   The same holds for "ви мали б уже отримати", "вы должны были получить", "jums vajadzēja saņemt".
 * - "not your fault" says the opposite of blame, so it is an exception of "your fault".
 * - "policy" alone is neutral ("we changed our policy so it won't happen again"); only hiding behind it is flagged.
 * - The customer's own reference (CMP-2026-000123) and postcodes (LV-1010) are not internal ticket codes.
 * - Phrases match whole words: "slate" holds "sla", "diemžēl" holds "žēl", "або" holds "бо"; none count.
 */
const MUST_NOT_FLAG: Array<[GuardLanguage, string]> = [
  ['en', 'We have updated our refund policy so that this does not happen again.'],
  ['en', 'You should have received a refund by now — we are sorry it has not arrived.'],
  ['en', 'You should have been told about the delay, and I apologise that you were not.'],
  ['en', 'This is not your fault, and I am sorry.'],
  ['en', 'It wasn’t your fault at all.'],
  ['en', 'Your reference is CMP-2026-000123; our office is at Brivibas iela 1, Riga, LV-1010.'],
  ['en', 'The slate roof was repaired by our contractor.'],
  ['en', 'If you forgot to attach the receipt, just reply with it.'],
  ['en', 'We are sorry! NASA and the FBI are not involved.'],
  ['en', 'Our terms were unclear, and we are changing them.'],
  ['en', 'I am SO SORRY.'],

  ['uk', 'Ми оновили політику повернення, щоб це не повторилося.'],
  ['uk', 'Ви мали б уже отримати повернення коштів — перепрошуємо за затримку.'],
  ['uk', 'Ви повинні були отримати лист учора, але ми його не надіслали.'],
  ['uk', 'Ви мали би вже отримати кошти.'],
  ['uk', 'Це не ваша провина, і нам дуже шкода.'],
  ['uk', 'Якщо ви забули пароль, ми надішлемо новий.'],
  ['uk', 'Ваш номер звернення CMP-2026-000123.'],
  ['uk', 'Друга доставка буде безкоштовною.'],

  ['ru', 'Мы изменили политику возврата, чтобы это не повторилось.'],
  ['ru', 'Вы должны были уже получить возврат — извините за задержку.'],
  ['ru', 'Это не ваша вина, нам очень жаль.'],
  ['ru', 'Если вы забыли пароль, мы пришлём новый.'],
  ['ru', 'Вторую доставку мы оплатим сами.'],

  ['lv', 'Esam mainījuši atgriešanas politiku, lai tas neatkārtotos.'],
  ['lv', 'Jums vajadzēja saņemt naudu jau vakar — atvainojamies par kavēšanos.'],
  ['lv', 'Tā nav jūsu vaina, mums ļoti žēl.'],
  ['lv', 'Adrese: Brīvības iela 1, Rīga, LV-1010.'],
  ['lv', 'Otrās piegādes maksu mēs atmaksāsim.'],
  ['lv', 'Jums bija jāsaņem vēstule, bet mēs to nenosūtījām.'],
];

describe('wording that must not be flagged', () => {
  it.each(MUST_NOT_FLAG)('%s: %j', (language, text) => {
    expect(wordingFindings(text, language)).toEqual([]);
  });

  it('still flags the blaming use of an excepted phrase in the same text', () => {
    const text = 'You should have received the refund. You should have read the terms, though.';
    expect(flagged(text, 'en', 'blames_customer')).toEqual(['You should have']);
    expect(wordingFindings(text, 'en')[0].start).toBe(text.indexOf('You should have read'));
  });
});

describe('missing elements', () => {
  it.each([
    ['acknowledgement', { block: ['missing_date', 'missing_empathy', 'missing_next_step'], warn: [] }],
    ['thanks', { block: ['missing_empathy', 'missing_next_step'], warn: [] }],
    ['refusal', { block: ['missing_escalation_route', 'missing_next_step', 'missing_reason'], warn: ['missing_empathy'] }],
    ['delay', { block: ['missing_date', 'missing_reason'], warn: ['missing_empathy'] }],
    ['update', { block: ['missing_next_step'], warn: [] }],
    ['resolution', { block: ['missing_next_step'], warn: [] }],
  ] as Array<[MessageKind, { block: string[]; warn: string[] }]>)('%s needs %j', (kind, expected) => {
    for (const language of GUARD_LANGUAGES) {
      const findings = checkMessage('Hello.', language, kind).filter((finding) => finding.rule.startsWith('missing_'));
      const bySeverity = (severity: string) => findings.filter((finding) => finding.severity === severity).map((finding) => finding.rule).sort();
      expect({ block: bySeverity('block'), warn: bySeverity('warn') }).toEqual(expected);
    }
    const declared = (severity: string) => REQUIREMENTS[kind].filter((r) => r.severity === severity).map((r) => `missing_${r.element}`).sort();
    expect({ block: declared('block'), warn: declared('warn') }).toEqual(expected);
  });

  it('takes what was done as enough for a resolution, and only for a resolution', () => {
    const done = 'The technician replaced the router this morning and your line works again.';
    expect(missing(done, 'en', 'resolution')).toEqual([]);
    expect(missing(done, 'en', 'update')).toEqual(['missing_next_step']);
  });

  it('reports a missing element as a block at 0..0 with the language’s suggestion', () => {
    expect(checkMessage('Labdien.', 'lv', 'update')).toEqual([
      { rule: 'missing_next_step', severity: 'block', start: 0, end: 0, suggestion: RULES.lv.elements.next_step.suggestion },
    ]);
  });

  /** [language, element, a text that has only that element]. */
  const CUES: Array<[GuardLanguage, string, string]> = [
    ['en', 'empathy', 'I’m so sorry.'],
    ['en', 'empathy', 'We apologise for the trouble.'],
    ['en', 'empathy', 'Thank you for telling us.'],
    ['en', 'empathy', 'Thank you for your suggestion.'],
    ['en', 'empathy', 'Thanks for the idea.'],
    ['en', 'next_step', 'Our billing team will look at it.'],
    ['en', 'next_step', 'We’ll call you.'],
    ['en', 'date', 'By Friday.'],
    ['en', 'date', 'By 27 November.'],
    ['en', 'date', 'By 2026-11-27.'],
    ['en', 'date', 'By 27.11.2026.'],
    ['en', 'date', 'Within 2 working days.'],
    ['en', 'date', 'By November 27th.'],
    ['en', 'reason', 'This is because the part is out of stock.'],
    ['en', 'escalation_route', 'You can refer your complaint to the ombudsman.'],
    ['en', 'escalation_route', 'If you disagree, you can ask for a review.'],
    ['uk', 'empathy', 'Перепрошуємо.'],
    ['uk', 'empathy', 'Дякуємо що повідомили.'],
    ['uk', 'empathy', 'Дякуємо,що повідомили.'],
    ['uk', 'empathy', 'Дякуємо за пропозицію.'],
    ['uk', 'empathy', 'Просимо вибачення за незручності.'],
    ['uk', 'next_step', 'Ми зв’яжемося з вами.'],
    ['uk', 'next_step', 'Наступним кроком буде перевірка.'],
    ['uk', 'date', 'До пʼятниці.'],
    ['uk', 'date', 'До 27 листопада.'],
    ['uk', 'date', 'Протягом 2 робочих днів.'],
    ['uk', 'reason', 'Бо посилку повернули на склад.'],
    ['uk', 'reason', 'Причиною став збій.'],
    ['uk', 'escalation_route', 'Ви можете звернутися до Держпродспоживслужби.'],
    ['uk', 'escalation_route', 'Рішення можна оскаржити.'],
    ['ru', 'empathy', 'Приносим извинения.'],
    ['ru', 'empathy', 'Мне очень жаль.'],
    ['ru', 'empathy', 'Спасибо за предложение.'],
    ['ru', 'next_step', 'Мы вернем деньги.'],
    ['ru', 'next_step', 'Мы вернём деньги.'],
    ['ru', 'date', 'До пятницы.'],
    ['ru', 'date', 'До 27 ноября.'],
    ['ru', 'date', 'В течение трёх рабочих дней.'],
    ['ru', 'reason', 'Из-за сбоя у поставщика.'],
    ['ru', 'escalation_route', 'Вы можете обратиться в суд.'],
    ['ru', 'escalation_route', 'Вы вправе обжаловать решение.'],
    ['lv', 'empathy', 'Atvainojamies.'],
    ['lv', 'empathy', 'Paldies par ieteikumu.'],
    ['lv', 'empathy', 'Mums ļoti žēl.'],
    ['lv', 'empathy', 'Paldies, ka pastāstījāt.'],
    ['lv', 'next_step', 'Mēs sazināsimies ar jums.'],
    ['lv', 'date', 'Līdz piektdienai.'],
    ['lv', 'date', 'Līdz 27. novembrim.'],
    ['lv', 'date', '2 darba dienu laikā.'],
    ['lv', 'reason', 'Jo sūtījums tika atgriezts.'],
    ['lv', 'reason', 'Piegādātāja kļūdas dēļ.'],
    ['lv', 'escalation_route', 'Varat vērsties PTAC.'],
    ['lv', 'escalation_route', 'Ja nepiekrītat, lēmumu var apstrīdēt.'],
  ];

  it.each(CUES)('%s %s is found in %j', (language, element, text) => {
    const all = checkMessage(text, language, 'refusal').concat(checkMessage(text, language, 'acknowledgement'));
    expect(all.map((finding) => finding.rule)).not.toContain(`missing_${element}`);
  });

  it('counts whole words only: "diemžēl" is not "žēl", "або" is not "бо", "nextday" is not a date', () => {
    expect(missing('Diemžēl.', 'lv', 'delay')).toContain('missing_empathy');
    expect(missing('Карткою або готівкою.', 'uk', 'delay')).toContain('missing_reason');
    expect(missing('Sorry, becauseofit nextday.', 'en', 'delay')).toEqual(['missing_date', 'missing_reason']);
  });

  it('takes "next week" as a date, not as a next step', () => {
    expect(missing('Sorry, because of the strike it will be next week.', 'en', 'delay')).toEqual([]);
    expect(missing('It will be next week.', 'en', 'update')).toEqual(['missing_next_step']);
  });
});

/** Messages written the way PRODUCT.md asks: each passes its kind with no block finding. */
const WELL_WRITTEN: Array<[GuardLanguage, MessageKind, string]> = [
  [
    'en',
    'acknowledgement',
    'Thank you for telling us, and I am sorry you were charged twice. Our billing team will check both payments and refund the duplicate by Friday 27 November.',
  ],
  [
    'en',
    'refusal',
    'I am sorry, but we cannot refund the second delivery fee because the parcel was delivered on the day you chose. What we can do is give you a voucher for your next order; we will email it today. If you are not satisfied with this answer, you can refer your complaint to the ombudsman.',
  ],
  [
    'en',
    'delay',
    'I am sorry: your repair will take longer than we said, because the replacement part is out of stock at our supplier. We now expect it to be ready by 2026-12-04.',
  ],
  ['en', 'update', 'We have found the second payment, and we will refund it tomorrow.'],
  ['en', 'resolution', 'We have refunded the duplicate payment. You will receive it within 3 working days.'],
  [
    'uk',
    'acknowledgement',
    'Дякуємо, що повідомили нам, і перепрошуємо, що з вас двічі списали оплату. Наш відділ розрахунків перевірить обидва платежі та поверне зайву суму до пʼятниці, 27 листопада.',
  ],
  [
    'uk',
    'refusal',
    'Нам шкода, але ми не можемо повернути плату за другу доставку, бо посилку доставили в обраний вами день. Натомість ми надішлемо вам знижку на наступне замовлення. Якщо ви не погоджуєтеся з рішенням, ви можете звернутися до Держпродспоживслужби.',
  ],
  [
    'uk',
    'delay',
    'Перепрошуємо: ремонт триватиме довше, ніж ми обіцяли, тому що потрібної деталі немає на складі постачальника. Тепер ми очікуємо завершити його до 04.12.2026.',
  ],
  [
    'ru',
    'acknowledgement',
    'Спасибо, что сообщили нам, и извините, что с вас дважды списали оплату. Наш отдел расчётов проверит оба платежа и вернёт лишнюю сумму до пятницы, 27 ноября.',
  ],
  [
    'ru',
    'refusal',
    'Нам жаль, но мы не можем вернуть плату за вторую доставку, потому что посылку доставили в выбранный вами день. Вместо этого мы отправим вам скидку на следующий заказ. Если вы не согласны с решением, вы можете обратиться в общество защиты прав потребителей.',
  ],
  [
    'ru',
    'delay',
    'Извините: ремонт займёт больше времени, чем мы обещали, так как нужной детали нет на складе поставщика. Теперь мы ожидаем завершить его в течение 5 рабочих дней.',
  ],
  [
    'lv',
    'acknowledgement',
    'Paldies, ka mums pastāstījāt, un atvainojamies, ka no jums divreiz tika iekasēta maksa. Mūsu norēķinu nodaļa pārbaudīs abus maksājumus un atmaksās lieko summu līdz piektdienai, 27. novembrim.',
  ],
  [
    'lv',
    'refusal',
    'Mums žēl, bet otrās piegādes maksu atmaksāt nevaram, jo sūtījums tika piegādāts jūsu izvēlētajā dienā. Tā vietā nosūtīsim jums atlaidi nākamajam pasūtījumam. Ja nepiekrītat šim lēmumam, varat vērsties Patērētāju tiesību aizsardzības centrā.',
  ],
  [
    'lv',
    'delay',
    'Atvainojamies: remonts aizņems ilgāku laiku, nekā solījām, jo nepieciešamās detaļas nav piegādātāja noliktavā. Tagad plānojam to pabeigt 5 darba dienu laikā.',
  ],
];

describe('well-written messages', () => {
  it.each(WELL_WRITTEN)('%s %s passes with no findings', (language, kind, text) => {
    expect(checkMessage(text, language, kind)).toEqual([]);
  });

  it('has a well-written acknowledgement, refusal and delay in every language', () => {
    for (const language of GUARD_LANGUAGES) {
      for (const kind of ['acknowledgement', 'refusal', 'delay']) expect(WELL_WRITTEN.some(([l, k]) => l === language && k === kind)).toBe(true);
    }
  });

  it('blocks the same refusal once it hides behind a policy', () => {
    const text = `As per our policy, ${WELL_WRITTEN[1][2]}`;
    expect(checkMessage(text, 'en', 'refusal').map((f) => f.rule)).toEqual(['hides_behind_policy']);
  });
});

describe('language', () => {
  it('falls back to English for a language without rules', () => {
    expect(flagged('As per our policy.', 'de', 'hides_behind_policy')).toEqual(['As per our policy']);
    expect(checkMessage('Hello.', 'xx', 'update')[0].suggestion).toBe(RULES.en.elements.next_step.suggestion);
  });

  it('reads a regional tag or upper case as its language', () => {
    expect(flagged('Це не наша проблема.', 'uk-UA', 'dismisses')).toEqual(['не наша проблема']);
    expect(flagged('Вы ошибаетесь.', 'RU', 'dismisses')).toEqual(['Вы ошибаетесь']);
    expect(flagged('Jūs kļūdāties.', 'lv_LV', 'dismisses')).toEqual(['Jūs kļūdāties']);
  });

  it('uses only the rules of the language asked for', () => {
    expect(flagged('Вы ошибаетесь.', 'en', 'dismisses')).toEqual([]);
    expect(flagged('You are wrong.', 'ru', 'dismisses')).toEqual([]);
  });

  it('takes rules passed in, e.g. a draft of a rules file under review', () => {
    const draft: LanguageRules = {
      ...RULES.en,
      rules: [{ rule: 'no_hereby', severity: 'warn', description: 'Legalese', phrases: ['hereby'], suggestion: 'Just say it.' }],
    };
    expect(checkMessage('We hereby confirm. As per our policy.', 'en', 'update', { en: draft })).toEqual([
      { rule: 'missing_next_step', severity: 'block', start: 0, end: 0, suggestion: RULES.en.elements.next_step.suggestion },
      { rule: 'no_hereby', severity: 'warn', start: 3, end: 9, suggestion: 'Just say it.' },
    ]);
  });
});

describe('the grammar of a rules file', () => {
  /** A draft whose next step is only what the grammar says, to test the grammar alone. */
  const draft = (next: Partial<LanguageRules['elements']['next_step']>, grammar: Pick<LanguageRules, 'classes' | 'endings'>): Record<string, LanguageRules> => ({
    ru: { ...RULES.ru, classes: { ...RULES.ru.classes, ...grammar.classes }, endings: { ...RULES.ru.endings, ...grammar.endings }, elements: { ...RULES.ru.elements, next_step: { ...RULES.ru.elements.next_step, phrases: [], patterns: [], exceptions: [], ...next } } },
  });

  it('expands a word class wherever a phrase names it, and classes inside classes', () => {
    const rules = draft({ phrases: ['{agent} позвонит'] }, { classes: { agent: ['мастер', '{team}'], team: ['наш* инженер*'] } });
    for (const text of ['Мастер позвонит.', 'Наш инженер позвонит.']) expect(checkMessage(text, 'ru', 'update', rules).map((f) => f.rule)).toEqual([]);
    expect(checkMessage('Курьер позвонит.', 'ru', 'update', rules).map((f) => f.rule)).toEqual(['missing_next_step']);
  });

  it('takes a stem with any ending of its set, and only those endings', () => {
    const rules = draft({ phrases: ['позвон<future>'] }, { endings: { future: ['ит', 'им', 'ят'] } });
    expect(checkMessage('Мы позвоним.', 'ru', 'update', rules).map((f) => f.rule)).toEqual([]);
    expect(checkMessage('Мастер позвонил.', 'ru', 'update', rules).map((f) => f.rule)).toEqual(['missing_next_step']);
  });

  it('lets ~ stand for up to three other words, no more', () => {
    const rules = draft({ phrases: ['мастер ~ позвонит'] }, {});
    expect(checkMessage('Мастер обязательно сам вам позвонит.', 'ru', 'update', rules).map((f) => f.rule)).toEqual([]);
    expect(checkMessage('Мастер позвонит.', 'ru', 'update', rules).map((f) => f.rule)).toEqual([]);
    expect(checkMessage('Мастер, как мы и говорили раньше, позвонит.', 'ru', 'update', rules).map((f) => f.rule)).toEqual(['missing_next_step']);
  });

  it('does not count a cue inside one of the element’s exceptions', () => {
    const rules = draft({ phrases: ['позвоним'], exceptions: ['не позвоним'] }, {});
    expect(checkMessage('Мы не позвоним.', 'ru', 'update', rules).map((f) => f.rule)).toEqual(['missing_next_step']);
    expect(checkMessage('Мы не позвоним, мы позвоним завтра.', 'ru', 'update', rules).map((f) => f.rule)).toEqual([]);
  });

  it('names an unknown class or ending set instead of matching nothing', () => {
    expect(() => checkMessage('x', 'ru', 'update', draft({ phrases: ['{nobody}'] }, {}))).toThrow('unknown word class {nobody}');
    expect(() => checkMessage('x', 'ru', 'update', draft({ phrases: ['a<none>'] }, {}))).toThrow('unknown ending set <none>');
  });
});

describe('properties', () => {
  /** Text built from real phrases of every language, capitals, accents, emoji and lone surrogates. */
  const fragments = [
    ...GUARD_LANGUAGES.flatMap((language) => RULES[language].rules.flatMap((rule) => [...rule.phrases, ...(rule.exceptions ?? [])])),
    'WE WILL NOT',
    'INC-12345',
    '!!',
    ' ',
    '\n',
    ', ',
    'ā',
    'a\u0304',
    '😀',
    '\uD800',
    'İ',
    'ß',
    '27 November',
    '2026-11-27',
  ];
  const textArb = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.array(fc.oneof(fc.constantFrom(...fragments), fc.constantFrom(...fragments).map((f) => f.toUpperCase())), { maxLength: 30 }).map((parts) => parts.join(' ')),
  );
  const languageArb = fc.oneof(fc.constantFrom<string>(...GUARD_LANGUAGES, 'de', 'uk-UA'), fc.string({ maxLength: 5 }));

  it('never reports a finding outside the text, and sorts findings by start', () => {
    fc.assert(
      fc.property(textArb, languageArb, fc.constantFrom(...MESSAGE_KINDS), (text, language, kind) => {
        const findings = checkMessage(text, language, kind);
        for (const finding of findings) {
          expect(finding.start).toBeGreaterThanOrEqual(0);
          expect(finding.end).toBeLessThanOrEqual(text.length);
          if (finding.rule.startsWith('missing_')) expect([finding.start, finding.end]).toEqual([0, 0]);
          else expect(finding.end).toBeGreaterThan(finding.start);
        }
        for (let i = 1; i < findings.length; i++) expect(findings[i].start).toBeGreaterThanOrEqual(findings[i - 1].start);
      }),
      { numRuns: 500 },
    );
  });

  it('is deterministic: the same input gives the same findings, whatever was checked in between', () => {
    fc.assert(
      fc.property(textArb, textArb, languageArb, fc.constantFrom(...MESSAGE_KINDS), (text, other, language, kind) => {
        const first = checkMessage(text, language, kind);
        checkMessage(other, language, kind);
        checkMessage(other, 'uk', 'refusal');
        expect(checkMessage(text, language, kind)).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });

  // A phrase with a wildcard, a gap, a class or an ending set stands for many wordings: only literal ones are written out.
  it('finds a blocking phrase wherever it sits between non-letters', () => {
    const separator = fc.string({ unit: fc.constantFrom(' ', '\n', '.', ',', '(', '"', '1', '😀'), maxLength: 8 });
    const blocking = GUARD_LANGUAGES.flatMap((language) =>
      RULES[language].rules.filter((rule) => rule.severity === 'block').flatMap((rule) => rule.phrases.filter((p) => !/[*~{<]/.test(p)).map((p) => [language, rule.rule, p] as const)),
    );
    fc.assert(
      fc.property(separator, fc.constantFrom(...blocking), separator, fc.boolean(), (before, [language, rule, phrase], after, upper) => {
        const words = upper ? phrase.toUpperCase() : phrase;
        const text = `${before} ${words} ${after}`;
        const findings = wordingFindings(text, language).filter((f) => f.rule === rule);
        expect(findings.some((f) => f.start <= before.length + 1 && f.end >= before.length + 1 + words.length)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('stays fast on long and adversarial text', () => {
    const adversarial = `${'AAA B '.repeat(4000)}x ${'you should have '.repeat(2000)}${'!'.repeat(5000)}${'ā'.repeat(5000)}`;
    const started = performance.now();
    for (const language of GUARD_LANGUAGES) checkMessage(adversarial, language, 'refusal');
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('EmpathyGuardService.enforce', () => {
  const service = new EmpathyGuardService();
  const blaming = 'You failed to send the form. Our team will call you tomorrow.';

  function refusal(run: () => unknown): AppError {
    try {
      run();
    } catch (error) {
      if (error instanceof AppError) return error;
      throw error;
    }
    throw new Error('expected the message to be refused');
  }

  it('lets a message without block findings through, with its warnings', () => {
    const result = service.enforce('Our back office will call you tomorrow.', 'en', 'update');
    expect(result).toEqual({ findings: [expect.objectContaining({ rule: 'internal_jargon', severity: 'warn' })], overridden: false });
  });

  it('refuses block findings with one detail each and every finding in the body, as a 422', () => {
    const error = refusal(() => service.enforce(blaming, 'en', 'acknowledgement'));
    expect(error.code).toBe(EmpathyGuardErrorCode.MESSAGE_BLOCKED);
    expect(error.details).toEqual([
      { field: 'text', problem: expect.stringMatching(/^missing_empathy: /) },
      { field: 'text', problem: expect.stringMatching(/^blames_customer \("You failed to"\): /) },
    ]);
    expect(error.extra).toEqual({ findings: checkMessage(blaming, 'en', 'acknowledgement') });
    expect(toErrorBody(error)).toMatchObject({ statusCode: 422, code: 'MESSAGE_BLOCKED', findings: error.extra.findings });
  });

  it('names the field the text came from', () => {
    const error = refusal(() => service.enforce(blaming, 'en', 'update', undefined, 'customerMessage'));
    expect(error.details.map((detail) => detail.field)).toEqual(['customerMessage']);
  });

  it('lets block findings through with a justification of at least 15 characters', () => {
    const result = service.enforce(blaming, 'en', 'update', { justification: 'Customer asked for the exact wording' });
    expect(result.overridden).toBe(true);
    expect(result.findings.map((finding) => finding.rule)).toEqual(['blames_customer']);
  });

  it.each(['too short', '   padded     ', ''])('refuses the override %j and says why', (justification) => {
    const error = refusal(() => service.enforce(blaming, 'en', 'update', { justification }));
    expect(error.details).toContainEqual({ field: 'override.justification', problem: 'must be at least 15 characters' });
  });

  it('does not call a clean message overridden', () => {
    expect(service.enforce('We will call you tomorrow.', 'en', 'update', { justification: 'not needed at all here' })).toEqual({ findings: [], overridden: false });
  });
});
