import { customerLocale, type CustomerLocale } from './customer-locale.js';
import type { CustomerStatusView } from './customer-status.js';
import type { CustomerLanguage, MessageKey } from './i18n/translations.js';

/*
 * The customer's status page as HTML: one self-contained document (inline CSS and script, nothing loaded from
 * elsewhere, as the CSP in configure-app.ts allows), rendered only from the allow-listed view that the JSON
 * answer is too. Every value is escaped; customers' and staff's words are shown as text, never as markup.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for an element's content or a quoted attribute value. */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

/** JSON inside a script element: `<` escaped so that no value can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

// Colours meet WCAG AA (4.5:1 and more) on their backgrounds: ink 15:1, muted 7.8:1, accent 8:1, done 7:1.
const STYLE = `
:root{color-scheme:light;--ink:#1b1f24;--muted:#4a5360;--line:#c3ccd5;--bg:#f4f6f8;--card:#fff;--accent:#0a4f9e;--done:#17663a;--error:#a4161a}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:var(--ink);background:var(--bg);overflow-wrap:anywhere}
a{color:var(--accent)}
:focus-visible{outline:3px solid var(--ink);outline-offset:2px}
.skip{position:absolute;left:.5rem;top:-4rem;background:var(--card);color:var(--ink);padding:.5rem 1rem;border:2px solid var(--ink);z-index:10}
.skip:focus{top:.5rem}
.ref{white-space:nowrap}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
header{background:var(--accent);color:#fff}
header p{margin:0 auto;max-width:42rem;padding:.75rem 1rem;font-weight:600}
main{display:block;max-width:42rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0 .5rem}
h2{font-size:1.2rem;line-height:1.3;margin:0 0 .75rem}
.intro{color:var(--muted);margin:0 0 1rem}
section{background:var(--card);border:1px solid var(--line);border-radius:.5rem;padding:1rem;margin:0 0 1rem}
section.action{border:2px solid var(--accent)}
.status{font-size:1.15rem;font-weight:600;margin:0 0 .75rem}
dl.facts{margin:0;display:grid;grid-template-columns:minmax(0,1fr);gap:0 1rem}
dl.facts dt{font-weight:600;color:var(--muted)}
dl.facts dd{margin:0 0 .5rem}
@media (min-width:36rem){dl.facts{grid-template-columns:minmax(9rem,max-content) minmax(0,1fr)}dl.facts dd{margin:0 0 .4rem}}
.position{margin:0 0 .5rem;color:var(--muted)}
ol.steps{list-style:none;margin:0;padding:0}
ol.steps li{display:flex;align-items:center;gap:.75rem;padding:.3rem 0}
.marker{flex:none;display:inline-flex;align-items:center;justify-content:center;width:2rem;height:2rem;border-radius:50%;border:2px solid var(--muted);background:var(--card);color:var(--muted);font-weight:700}
ol.steps li.done .marker{background:var(--done);border-color:var(--done);color:#fff}
ol.steps li[aria-current] .marker{background:var(--accent);border-color:var(--accent);color:#fff}
ol.steps li[aria-current] .label{font-weight:700}
ol.steps li.upcoming .label{color:var(--muted)}
.next{margin:0;white-space:pre-line}
ol.timeline{list-style:none;margin:0;padding:0 0 0 1rem;border-left:3px solid var(--line)}
ol.timeline li{margin:0 0 .9rem}
ol.timeline li:last-child{margin-bottom:0}
ol.timeline time,.meta{display:block;font-size:.9rem;color:var(--muted)}
ol.timeline p{margin:0;white-space:pre-line}
.message{margin:.5rem 0 0;padding:.75rem 1rem;border-left:4px solid var(--accent);background:var(--bg);white-space:pre-line}
.question{margin:0 0 1rem;padding:.75rem 1rem;border-left:4px solid var(--accent);background:var(--bg);white-space:pre-line}
form{margin:0}
.field{margin:0 0 1rem}
label,legend{display:block;font-weight:600;margin:0 0 .35rem;padding:0}
fieldset{border:0;margin:0 0 1rem;padding:0;min-width:0}
.hint{margin:0 0 .5rem;color:var(--muted);font-size:.95rem}
textarea{display:block;width:100%;min-height:7rem;font:inherit;color:inherit;background:var(--card);padding:.5rem;border:2px solid var(--muted);border-radius:.25rem;resize:vertical}
.choices{display:flex;flex-wrap:wrap;gap:.5rem}
.choice{display:inline-flex;align-items:center;gap:.5rem;margin:0;min-height:2.75rem;padding:.35rem .7rem;border:2px solid var(--line);border-radius:.25rem;font-weight:400;cursor:pointer;background:var(--card)}
.choice:focus-within{outline:3px solid var(--ink);outline-offset:2px}
.choice input{margin:0;width:1.15rem;height:1.15rem;accent-color:var(--accent)}
.choices.csat .choice{flex:1 1 100%}
.choices.nps .choice{flex:0 0 auto;min-width:3.5rem;justify-content:center}
button{font:inherit;font-weight:600;min-height:2.75rem;padding:.6rem 1.25rem;border:0;border-radius:.25rem;background:var(--accent);color:#fff;cursor:pointer}
button[disabled]{cursor:progress;opacity:.75}
.result{margin:.75rem 0 0;font-weight:600}
.result:empty{margin:0}
.result.ok{color:var(--done)}
.result.error{color:var(--error)}
footer{max-width:42rem;margin:0 auto;padding:0 1rem 2rem;color:var(--muted);font-size:.9rem}
footer p{margin:0}
`;

/**
 * Sends a form as JSON, says how it went in the form's live region, then reloads so the page shows the new state.
 * Written for every browser the customer may have: no modules, no arrow functions.
 */
const SCRIPT = `
(function () {
  'use strict';
  var messages = JSON.parse(document.getElementById('form-messages').textContent);
  function show(region, text, kind) {
    region.textContent = text;
    region.className = 'result' + (kind ? ' ' + kind : '');
  }
  function reloadSoon() {
    setTimeout(function () { window.location.reload(); }, 2500);
  }
  Array.prototype.forEach.call(document.querySelectorAll('form[data-endpoint]'), function (form) {
    var region = document.getElementById(form.getAttribute('data-result'));
    var button = form.querySelector('button[type="submit"]');
    var numeric = (form.getAttribute('data-numeric') || '').split(' ');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var body = {};
      new FormData(form).forEach(function (value, name) {
        var text = String(value).trim();
        if (text !== '') body[name] = numeric.indexOf(name) >= 0 ? Number(text) : text;
      });
      button.disabled = true;
      form.setAttribute('aria-busy', 'true');
      show(region, messages.sending, '');
      fetch(form.getAttribute('data-endpoint'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
        credentials: 'same-origin',
        cache: 'no-store'
      }).then(function (response) {
        form.removeAttribute('aria-busy');
        if (response.ok) { show(region, messages.sent, 'ok'); reloadSoon(); return; }
        if (response.status === 409) { show(region, messages.conflict, 'error'); reloadSoon(); return; }
        show(region, response.status === 429 ? messages.tooMany : response.status < 500 ? messages.invalid : messages.failed, 'error');
        button.disabled = false;
      }, function () {
        form.removeAttribute('aria-busy');
        show(region, messages.failed, 'error');
        button.disabled = false;
      });
    });
  });
})();
`;

interface PageOptions {
  /** The organisation's time zone, in which every date is written. */
  timeZone: string;
  /** The status link's path; the forms post to `<actionBase>/reply`, `/feedback` and `/dispute`. */
  actionBase: string;
}

/** A text that names the reference, escaped, with the reference kept on one line (it must not break at its hyphens). */
function withReference(text: string, reference: string): string {
  const ref = escapeHtml(reference);
  return escapeHtml(text).split(ref).join(`<span class="ref">${ref}</span>`);
}

function time(at: Date, formatted: string): string {
  return `<time datetime="${escapeHtml(at.toISOString())}">${escapeHtml(formatted)}</time>`;
}

function htmlDocument(language: CustomerLanguage, title: string, locale: CustomerLocale, main: string, footer: string, script = ''): string {
  return `<!doctype html>
<html lang="${escapeHtml(language)}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#main">${escapeHtml(locale.t('page.skipLink'))}</a>
<header><p>${escapeHtml(locale.t('page.banner'))}</p></header>
<main id="main" tabindex="-1">
${main}
</main>
${footer ? `<footer><p>${footer}</p></footer>` : ''}
${script}
</body>
</html>
`;
}

function summarySection(view: CustomerStatusView, locale: CustomerLocale): string {
  const { t } = locale;
  const facts: [MessageKey, string][] = [['summary.reference', escapeHtml(view.reference)]];
  if (view.owningTeam) facts.push(['summary.team', escapeHtml(t('summary.teamName', { team: view.owningTeam }))]);
  if (view.replyDueBy) facts.push(['summary.replyBy', time(view.replyDueBy, locale.longDate(view.replyDueBy))]);
  if (view.expectedResolutionBy) {
    facts.push(['summary.expectedDate', time(view.expectedResolutionBy, locale.longDate(view.expectedResolutionBy))]);
  } else if (view.type === 'complaint' && !view.resolution && view.status !== 'closed') {
    facts.push(['summary.expectedDate', escapeHtml(t('summary.notSetYet'))]);
  }
  facts.push(['summary.received', time(view.receivedAt, locale.shortDate(view.receivedAt))]);
  facts.push(['summary.lastUpdated', time(view.lastUpdatedAt, locale.shortDate(view.lastUpdatedAt))]);
  return `<section aria-labelledby="summary-heading">
<h2 id="summary-heading">${escapeHtml(t('summary.heading'))}</h2>
<p class="status" id="status-text">${escapeHtml(view.statusText)}</p>
<dl class="facts">
${facts.map(([label, value]) => `<dt>${escapeHtml(t(label))}</dt><dd>${value}</dd>`).join('\n')}
</dl>
</section>`;
}

function progressSection(view: CustomerStatusView, locale: CustomerLocale): string {
  const { t } = locale;
  const steps = view.steps.map((step, index) => {
    const marker = step.state === 'done' ? '✓' : String(index + 1);
    const stateText = t(`progress.${step.state}` as MessageKey);
    const current = step.state === 'current' ? ' aria-current="step"' : '';
    return `<li class="${step.state}"${current}><span class="marker" aria-hidden="true">${marker}</span><span class="label">${escapeHtml(step.label)}</span><span class="sr-only"> (${escapeHtml(stateText)})</span></li>`;
  });
  return `<section aria-labelledby="progress-heading">
<h2 id="progress-heading">${escapeHtml(t('progress.heading'))}</h2>
<p class="position">${escapeHtml(t('progress.position', { step: view.step, total: view.totalSteps }))}</p>
<ol class="steps">
${steps.join('\n')}
</ol>
</section>`;
}

function nextStepSection(view: CustomerStatusView, locale: CustomerLocale): string {
  return `<section aria-labelledby="next-heading">
<h2 id="next-heading">${escapeHtml(locale.t('nextStep.heading'))}</h2>
<p class="next" id="next-step">${escapeHtml(view.nextStep)}</p>
</section>`;
}

function resultRegion(id: string): string {
  return `<p class="result" id="${id}" role="status" aria-live="polite"></p>`;
}

function questionSection(view: CustomerStatusView, locale: CustomerLocale, actionBase: string): string {
  const request = view.informationRequest;
  if (!request) return '';
  const { t } = locale;
  return `<section class="action" aria-labelledby="question-heading">
<h2 id="question-heading">${escapeHtml(t('question.heading'))}</h2>
<p class="question" id="question-text">${escapeHtml(request.question)}</p>
<p class="meta">${escapeHtml(t('question.askedOn', { date: locale.shortDate(request.askedAt) }))}</p>
<form id="reply-form" data-endpoint="${escapeHtml(`${actionBase}/reply`)}" data-result="reply-result">
<div class="field">
<label for="reply-message">${escapeHtml(t('question.answerLabel'))}</label>
<textarea id="reply-message" name="message" rows="5" maxlength="5000" required aria-describedby="question-text"></textarea>
</div>
<button type="submit">${escapeHtml(t('question.submit'))}</button>
${resultRegion('reply-result')}
</form>
</section>`;
}

function answerSection(view: CustomerStatusView, locale: CustomerLocale): string {
  const resolution = view.resolution;
  if (!resolution) return '';
  const { t } = locale;
  return `<section aria-labelledby="answer-heading">
<h2 id="answer-heading">${escapeHtml(t('answer.heading'))}</h2>
<dl class="facts">
<dt>${escapeHtml(t('answer.outcome'))}</dt><dd>${escapeHtml(resolution.outcomeText)}</dd>
<dt>${escapeHtml(t('answer.answeredOn'))}</dt><dd>${time(resolution.resolvedAt, locale.shortDate(resolution.resolvedAt))}</dd>
</dl>
<h3 class="sr-only">${escapeHtml(t('answer.message'))}</h3>
<p class="message">${escapeHtml(resolution.message)}</p>
</section>`;
}

function feedbackSection(view: CustomerStatusView, locale: CustomerLocale, actionBase: string): string {
  if (!view.canGiveFeedback) return '';
  const { t } = locale;
  const csat = [1, 2, 3, 4, 5]
    .map((n) => `<label class="choice" for="csat-${n}"><input type="radio" id="csat-${n}" name="csat" value="${n}" required>${escapeHtml(t(`feedback.csat.${n}` as MessageKey))}</label>`)
    .join('\n');
  const nps = Array.from({ length: 11 }, (_, n) => `<label class="choice" for="nps-${n}"><input type="radio" id="nps-${n}" name="nps" value="${n}" required>${n}</label>`).join('\n');
  return `<section class="action" aria-labelledby="feedback-heading">
<h2 id="feedback-heading">${escapeHtml(t('feedback.heading'))}</h2>
<p class="hint">${escapeHtml(t('feedback.intro'))}</p>
<form id="feedback-form" data-endpoint="${escapeHtml(`${actionBase}/feedback`)}" data-result="feedback-result" data-numeric="csat nps">
<fieldset>
<legend>${escapeHtml(t('feedback.csat.legend'))}</legend>
<div class="choices csat">
${csat}
</div>
</fieldset>
<fieldset aria-describedby="nps-hint">
<legend>${escapeHtml(t('feedback.nps.legend'))}</legend>
<p class="hint" id="nps-hint">${escapeHtml(t('feedback.nps.hint'))}</p>
<div class="choices nps">
${nps}
</div>
</fieldset>
<div class="field">
<label for="feedback-comment">${escapeHtml(t('feedback.comment.label'))}</label>
<textarea id="feedback-comment" name="comment" rows="4" maxlength="2000"></textarea>
</div>
<button type="submit">${escapeHtml(t('feedback.submit'))}</button>
${resultRegion('feedback-result')}
</form>
</section>`;
}

function disputeSection(view: CustomerStatusView, locale: CustomerLocale, actionBase: string): string {
  if (!view.canDispute) return '';
  const { t } = locale;
  return `<section class="action" aria-labelledby="dispute-heading">
<h2 id="dispute-heading">${escapeHtml(t('dispute.heading'))}</h2>
<p class="hint">${escapeHtml(t('dispute.intro'))}</p>
<form id="dispute-form" data-endpoint="${escapeHtml(`${actionBase}/dispute`)}" data-result="dispute-result">
<div class="field">
<label for="dispute-reason">${escapeHtml(t('dispute.reason.label'))}</label>
<textarea id="dispute-reason" name="reason" rows="5" minlength="10" maxlength="2000" required></textarea>
</div>
<button type="submit">${escapeHtml(t('dispute.submit'))}</button>
${resultRegion('dispute-result')}
</form>
</section>`;
}

function timelineSection(view: CustomerStatusView, locale: CustomerLocale): string {
  if (view.timeline.length === 0) return '';
  const items = view.timeline.map(
    (entry) => `<li data-type="${escapeHtml(entry.type)}">${time(entry.at, locale.shortDate(entry.at))}<p>${escapeHtml(entry.text)}</p></li>`,
  );
  return `<section aria-labelledby="timeline-heading">
<h2 id="timeline-heading">${escapeHtml(locale.t('timeline.heading'))}</h2>
<ol class="timeline">
${items.join('\n')}
</ol>
</section>`;
}

export function renderStatusPage(view: CustomerStatusView, options: PageOptions): string {
  const locale = customerLocale(view.language, options.timeZone);
  const { t } = locale;
  const heading = t(view.type === 'suggestion' ? 'page.heading.suggestion' : 'page.heading.complaint', { reference: view.reference });
  const forms = [
    questionSection(view, locale, options.actionBase),
    feedbackSection(view, locale, options.actionBase),
    disputeSection(view, locale, options.actionBase),
  ];
  const hasForms = forms.some(Boolean);
  const main = [
    `<h1>${withReference(heading, view.reference)}</h1>`,
    `<p class="intro">${escapeHtml(t('page.intro'))}</p>`,
    summarySection(view, locale),
    progressSection(view, locale),
    nextStepSection(view, locale),
    forms[0],
    answerSection(view, locale),
    forms[1],
    forms[2],
    hasForms ? `<noscript><p>${escapeHtml(t('page.noscript'))}</p></noscript>` : '',
    timelineSection(view, locale),
  ].filter(Boolean);
  const script =
    !hasForms
      ? ''
      : `<script type="application/json" id="form-messages">${scriptJson({
          sending: t('form.sending'),
          sent: t('form.sent'),
          failed: t('form.failed'),
          invalid: t('form.invalid'),
          conflict: t('form.conflict'),
          tooMany: t('form.tooMany'),
        })}</script>
<script>${SCRIPT}</script>`;
  return htmlDocument(view.language, t('page.title', { reference: view.reference }), locale, main.join('\n'), withReference(t('page.footer', { reference: view.reference }), view.reference), script);
}

/** The page for a link that leads nowhere: the same for an unknown and a malformed token, in the browser's language. */
export function renderNotFoundPage(language: CustomerLanguage): string {
  const locale = customerLocale(language, 'UTC');
  const { t } = locale;
  const main = `<h1>${escapeHtml(t('notFound.heading'))}</h1>
<p>${escapeHtml(t('notFound.body'))}</p>`;
  return htmlDocument(language, t('notFound.title'), locale, main, '');
}
