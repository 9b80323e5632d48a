import { describe, expect, it } from '@jest/globals';
import type { CustomerStatusView } from './customer-status.js';
import { escapeHtml, renderNotFoundPage, renderStatusPage } from './status-page.html.js';

const TOKEN_PATH = '/public/complaints/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';

function view(overrides: Partial<CustomerStatusView> = {}): CustomerStatusView {
  return {
    language: 'en',
    reference: 'CMP-2026-000042',
    type: 'complaint',
    status: 'in_resolution',
    statusText: 'We are working on a resolution',
    step: 3,
    totalSteps: 5,
    steps: [
      { key: 'received', label: 'Received', state: 'done' },
      { key: 'acknowledged', label: 'Acknowledged', state: 'done' },
      { key: 'in_resolution', label: 'Being resolved', state: 'current' },
      { key: 'resolved', label: 'Answered', state: 'upcoming' },
      { key: 'closed', label: 'Closed', state: 'upcoming' },
    ],
    nextStep: 'We are checking both payments',
    expectedResolutionBy: new Date('2026-11-27T15:00:00Z'),
    replyDueBy: null,
    owningTeam: 'Billing',
    receivedAt: new Date('2026-11-23T09:00:00Z'),
    lastUpdatedAt: new Date('2026-11-23T10:00:00Z'),
    timeline: [
      { at: new Date('2026-11-23T09:00:00Z'), type: 'received', text: 'We received your message' },
      { at: new Date('2026-11-23T10:00:00Z'), type: 'customer_updated', text: 'We sent you an update: <script>alert(1)</script> & "more"' },
    ],
    informationRequest: null,
    resolution: null,
    canGiveFeedback: false,
    canDispute: false,
    ...overrides,
  };
}

const render = (v: CustomerStatusView, timeZone = 'Europe/Riga') => renderStatusPage(v, { timeZone, actionBase: TOKEN_PATH });
const count = (html: string, pattern: RegExp) => (html.match(pattern) ?? []).length;

describe('renderStatusPage', () => {
  it('is one self-contained document: language, one h1, landmarks, no external assets', () => {
    const html = render(view());
    expect(html).toMatch(/^<!doctype html>\n<html lang="en" dir="ltr">/);
    expect(count(html, /<h1[ >]/g)).toBe(1);
    expect(html).toContain('<h1>Your complaint <span class="ref">CMP-2026-000042</span></h1>');
    for (const landmark of ['<header>', '<main id="main"', '<footer>']) expect(html).toContain(landmark);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    // The one link is an empty icon, so that the browser does not ask the server for /favicon.ico.
    expect(html.match(/<link\b[^>]*>/g)).toEqual(['<link rel="icon" href="data:,">']);
    expect(html).not.toMatch(/\bsrc=|url\(|@import|https?:\/\//);
  });

  it('lists the steps in order and marks the current one for assistive technology', () => {
    const html = render(view());
    const steps = html.slice(html.indexOf('<ol class="steps">'), html.indexOf('</ol>', html.indexOf('<ol class="steps">')));
    expect(count(steps, /<li /g)).toBe(5);
    expect(count(steps, /aria-current="step"/g)).toBe(1);
    expect(steps).toMatch(/<li class="current" aria-current="step">.*Being resolved/);
    expect(html).toContain('Step 3 of 5');
  });

  it('shows the status, the next step, the team and the dates in the organisation time zone', () => {
    const html = render(view());
    expect(html).toContain('We are working on a resolution');
    expect(html).toContain('We are checking both payments');
    expect(html).toContain('Our Billing team');
    expect(html).toContain('<time datetime="2026-11-27T15:00:00.000Z">Friday, 27 November 2026 at 17:00</time>');
    expect(render(view(), 'UTC')).toContain('Friday, 27 November 2026 at 15:00');
  });

  it('escapes every value', () => {
    const html = render(view({ owningTeam: '<b>Billing</b>', nextStep: 'a "quoted" <i>step</i>' }));
    expect(html).toContain('We sent you an update: &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot;');
    expect(html).toContain('Our &lt;b&gt;Billing&lt;/b&gt; team');
    expect(html).toContain('a &quot;quoted&quot; &lt;i&gt;step&lt;/i&gt;');
    expect(html).not.toContain('<script>alert(1)');
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });

  it('has no forms and no script when there is nothing for the customer to do', () => {
    const html = render(view());
    expect(html).not.toContain('<form');
    expect(html).not.toContain('<script');
  });

  it('asks the open question with a labelled reply form, a live region and the reply endpoint', () => {
    const html = render(view({ informationRequest: { question: 'Which card did you use?', askedAt: new Date('2026-11-24T08:00:00Z') } }));
    expect(html).toContain('Which card did you use?');
    expect(html).toContain(`data-endpoint="${TOKEN_PATH}/reply"`);
    expect(html).toContain('<label for="reply-message">Your answer</label>');
    expect(html).toMatch(/<textarea id="reply-message" name="message"[^>]* required/);
    expect(html).toContain('<p class="result" id="reply-result" role="status" aria-live="polite"></p>');
    expect(html).toContain('<script type="application/json" id="form-messages">');
  });

  it('shows the answer with feedback and dispute forms, every field labelled', () => {
    const html = render(
      view({
        status: 'resolved',
        resolution: { outcome: 'upheld', outcomeText: 'We agree with your complaint', message: 'We refunded it.\nSorry.', resolvedAt: new Date('2026-11-25T12:00:00Z') },
        canGiveFeedback: true,
        canDispute: true,
      }),
    );
    expect(html).toContain('We agree with your complaint');
    expect(html).toContain('We refunded it.\nSorry.');
    expect(html).toContain(`data-endpoint="${TOKEN_PATH}/feedback"`);
    expect(html).toContain(`data-endpoint="${TOKEN_PATH}/dispute"`);
    expect(count(html, /type="radio" id="csat-\d" name="csat"/g)).toBe(5);
    expect(count(html, /type="radio" id="nps-\d+" name="nps"/g)).toBe(11);
    // Every input and textarea has a label that names it.
    const ids = [...html.matchAll(/<(?:input|textarea)[^>]* id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBe(5 + 11 + 2);
    for (const id of ids) expect(html).toMatch(new RegExp(`<label[^>]* for="${id}">`));
    expect(count(html, /<fieldset/g)).toBe(2);
    expect(count(html, /<legend>/g)).toBe(2);
    expect(count(html, /role="status" aria-live="polite"/g)).toBe(2);
  });

  it('writes a Latvian page for a Latvian customer', () => {
    const html = render(view({ language: 'lv' }));
    expect(html).toContain('<html lang="lv"');
    expect(html).toContain('<h1>Jūsu sūdzība <span class="ref">CMP-2026-000042</span></h1>');
    expect(html).toContain('Kas notiks tālāk');
    expect(html).toContain('piektdiena, 2026. gada 27. novembris 17:00');
  });
});

describe('renderNotFoundPage', () => {
  it('says the link leads nowhere, in the given language, without a form or script', () => {
    const html = renderNotFoundPage('ru');
    expect(html).toContain('<html lang="ru"');
    expect(count(html, /<h1[ >]/g)).toBe(1);
    expect(html).toContain('Мы не смогли найти эту ссылку');
    expect(html).not.toContain('<form');
    expect(html).not.toContain('<script');
  });
});
