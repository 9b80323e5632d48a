import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { bearer, seedOrganisation, type Organisation } from '../factories/organisation.js';
import { logComplaint, withCustomer } from '../factories/complaints.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/*
 * The customer's status page in a real browser (Debian's Chromium, driven by playwright-core): what the customer
 * sees, that the forms can be reached and used with the keyboard alone, that the inline script runs under the
 * CSP and reports in the live region, and that the page fits a 320 px screen.
 */

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const PUBLIC_BASE_URL = 'http://redress.test';
const NEXT_STEPS = 'Our billing team is checking both payments and will refund the duplicate by Friday.';
const UPDATE = 'We have found the second payment and asked the bank to return it.';
const QUESTION = 'Which card ending did the second payment come from?';

const hasChromium = existsSync(CHROMIUM);
const describeInBrowser = hasChromium ? describe : describe.skip;
if (!hasChromium) {
  // Visible in the run's output, next to the skipped tests.
  console.warn(`Skipping the status page browser test: ${CHROMIUM} is missing (install it with: apt-get install -y chromium)`);
}

describeInBrowser(`the status page in a real browser${hasChromium ? '' : ` (skipped: ${CHROMIUM} is missing)`}`, () => {
  let t: TestApp;
  let org: Organisation;
  let baseUrl: string;
  let browser: Browser;
  let context: BrowserContext;
  let problems: string[];

  const urlOf = (publicUrl: string) => baseUrl + publicUrl.slice(PUBLIC_BASE_URL.length);
  const sql = (query: string, parameters: unknown[] = []) => t.dataSource.query(query, parameters);
  const insertEvent = (complaintId: string, type: string, data: Record<string, unknown>, at: string, actorKind = 'staff') =>
    sql('INSERT INTO complaint_events (complaint_id, type, actor_kind, actor_id, occurred_at, data) VALUES ($1, $2, $3, NULL, $4, $5)', [
      complaintId,
      type,
      actorKind,
      at,
      JSON.stringify(data),
    ]);

  async function acknowledged(overrides: Record<string, unknown> = {}) {
    const complaint = await logComplaint(t, org.tokens.agent, overrides);
    const res = await t
      .http()
      .post(`/api/complaints/${complaint.id}/acknowledge`)
      .set(bearer(org.tokens.agent))
      .send({ message: 'I am sorry you were charged twice.', nextSteps: NEXT_STEPS, expectedResolutionBy: '2026-11-27T15:00:00Z' });
    expect(res.status).toBe(200);
    return complaint;
  }

  async function open(url: string, width = 800): Promise<Page> {
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 900 });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    const response = await page.goto(url);
    expect(response?.status()).toBe(200);
    return page;
  }

  /** The focused element: its id, or for a button the form it submits. (A string: the tests compile without DOM types.) */
  const focused = (page: Page) =>
    page.evaluate<string>(`(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return '';
      return el.id || (el.tagName === 'BUTTON' ? 'button in ' + (el.closest('form') || {}).id : el.tagName.toLowerCase());
    })()`);

  /** The ids of the elements that Tab reaches, in order, from the skip link at the top of the page. */
  async function tabOrder(page: Page, presses = 40): Promise<string[]> {
    await page.locator('a.skip').focus();
    const order: string[] = [];
    for (let i = 0; i < presses; i += 1) {
      await page.keyboard.press('Tab');
      order.push(await focused(page));
    }
    return order;
  }

  beforeAll(async () => {
    t = await startTestApp({ env: { PUBLIC_BASE_URL } });
    org = await seedOrganisation(t);
    await sql(`UPDATE business_calendar SET time_zone = 'Europe/Riga' WHERE id = 1`);
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    baseUrl = `http://127.0.0.1:${port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    context = await browser.newContext({ locale: 'en-GB' });
  });

  beforeEach(() => {
    problems = [];
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows the reference, step, next step, team and timeline, and takes an answer from the keyboard', async () => {
    const complaint = await acknowledged();
    const [network] = await sql('SELECT name FROM departments WHERE id = $1', [org.otherDepartmentId]);
    await insertEvent(complaint.id, 'handed_off', { toDepartmentName: network.name, reason: 'Needs the ledger', contextNote: 'Charged twice, wants a refund' }, '2026-11-23T10:00:00Z');
    await sql(`UPDATE complaints SET status = 'in_resolution', owning_department_id = $2 WHERE id = $1`, [complaint.id, org.otherDepartmentId]);
    await insertEvent(complaint.id, 'note_added', { visibility: 'internal', body: 'Processor retried twice' }, '2026-11-23T10:30:00Z');
    await insertEvent(complaint.id, 'customer_updated', { message: UPDATE }, '2026-11-23T11:00:00Z');
    // An open question, as the lead's information request leaves it: the clocks paused until the customer answers.
    await sql(`INSERT INTO information_requests (complaint_id, question, asked_at) VALUES ($1, $2, '2026-11-23T12:00:00Z')`, [complaint.id, QUESTION]);
    await sql(`UPDATE complaints SET paused_at = '2026-11-23T12:00:00Z' WHERE id = $1`, [complaint.id]);
    await insertEvent(complaint.id, 'information_requested', { question: QUESTION }, '2026-11-23T12:00:00Z');

    // The customer answers after all that happened.
    t.clock.set('2026-11-23T13:00:00Z');
    const page = await open(urlOf(complaint.publicUrl));

    await expect(page.locator('h1').textContent()).resolves.toBe(`Your complaint ${complaint.reference}`);
    await expect(page.locator('h1').isVisible()).resolves.toBe(true);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.locator('[aria-current="step"] .label').textContent()).resolves.toBe('Being resolved');
    await expect(page.getByText('Step 3 of 5').isVisible()).resolves.toBe(true);
    await expect(page.locator('#next-step').textContent()).resolves.toBe(NEXT_STEPS);
    await expect(page.getByText('Our Network team', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.locator('ol.timeline li p').allTextContents()).resolves.toEqual([
      'We received your message',
      `We confirmed that we are looking into it. Next: ${NEXT_STEPS}`,
      'Your case was passed to our Network team',
      `We sent you an update: ${UPDATE}`,
      `We asked you: ${QUESTION}`,
    ]);
    await expect(page.locator('#question-text').textContent()).resolves.toBe(QUESTION);
    await page.screenshot({ path: '/tmp/status-page.png', fullPage: true });

    // The reply form with the keyboard alone: Tab to the field, type, Tab to the button, Enter.
    const order = await tabOrder(page);
    expect(order).toContain('reply-message');
    expect(order.indexOf('button in reply-form')).toBeGreaterThan(order.indexOf('reply-message'));

    // The lead's endpoint when it is there (an empty body is refused by its validation); otherwise a stand-in.
    const probe = await t.http().post(`${complaint.publicUrl.slice(PUBLIC_BASE_URL.length)}/reply`).send({});
    const realEndpoint = probe.status !== 404;
    if (!realEndpoint) {
      await page.route('**/reply', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ received: true }) }));
    }

    await page.locator('a.skip').focus();
    for (let i = 0; i <= order.indexOf('reply-message'); i += 1) await page.keyboard.press('Tab');
    await expect(focused(page)).resolves.toBe('reply-message');
    await page.keyboard.type('The Visa card ending 1234.');
    await page.keyboard.press('Tab');
    await expect(focused(page)).resolves.toBe('button in reply-form');
    const reloaded = page.waitForEvent('load');
    await page.keyboard.press('Enter');

    const region = page.locator('#reply-result');
    await expect(region.getAttribute('aria-live')).resolves.toBe('polite');
    await region.filter({ hasText: 'Thank you, we have received it.' }).waitFor();
    await reloaded;

    if (realEndpoint) {
      // The answer reached the database: the question is gone and the timeline says so.
      await page.locator('ol.timeline').waitFor();
      await expect(page.locator('#reply-form').count()).resolves.toBe(0);
      await expect(page.locator('ol.timeline li p').last().textContent()).resolves.toBe('You sent us your answer');
      const [request] = await sql('SELECT answer FROM information_requests WHERE complaint_id = $1', [complaint.id]);
      expect(request.answer).toBe('The Visa card ending 1234.');
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('offers the feedback and dispute forms after the answer, each reachable with the keyboard, and fits 320 px', async () => {
    const complaint = await acknowledged();
    const [{ id: resolutionId }] = await sql(
      `INSERT INTO resolutions (complaint_id, number, outcome, customer_message, remedy, resolved_at)
       VALUES ($1, 1, 'upheld', 'We have refunded the second payment. We are sorry for the trouble.', 'Refund', '2026-11-25T12:00:00Z') RETURNING id`,
      [complaint.id],
    );
    await insertEvent(complaint.id, 'resolved', { resolutionId, outcome: 'upheld' }, '2026-11-25T12:00:00Z');
    // As the lead's resolve leaves it: the resolution's next steps (none for an upheld complaint) replace the earlier ones.
    await sql(`UPDATE complaints SET status = 'resolved', outcome = 'upheld', resolved_at = '2026-11-25T12:00:00Z', customer_next_step = NULL WHERE id = $1`, [
      complaint.id,
    ]);

    const page = await open(urlOf(complaint.publicUrl));
    await expect(page.locator('[aria-current="step"] .label').textContent()).resolves.toBe('Answered');
    await expect(page.locator('#next-step').textContent()).resolves.toBe(
      'Please tell us what you think of our answer, or tell us if it does not settle the matter',
    );
    await expect(page.getByText('We have refunded the second payment.').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('radiogroup').count()).resolves.toBe(0); // fieldsets group the radios, with legends
    await expect(page.getByRole('group', { name: 'How satisfied are you with the way we handled your case?' }).isVisible()).resolves.toBe(true);
    await expect(page.getByLabel('5 – Very satisfied').isVisible()).resolves.toBe(true);
    await expect(page.getByLabel('What is still not right?').isVisible()).resolves.toBe(true);

    const order = (await tabOrder(page, 60)).filter(Boolean);
    // One stop per radio group (arrow keys move within it), then the comment, the button, the dispute field and button.
    const stops = ['csat-1', 'nps-0', 'feedback-comment', 'button in feedback-form', 'dispute-reason', 'button in dispute-form'];
    expect(stops.map((stop) => order.indexOf(stop))).toEqual([...stops.map((stop) => order.indexOf(stop))].sort((a, b) => a - b));
    for (const stop of stops) expect(order).toContain(stop);

    // Choosing with the keyboard: Space picks the first radio, arrow keys move the choice.
    await page.locator('#csat-1').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('#csat-4').isChecked()).resolves.toBe(true);
    await page.screenshot({ path: '/tmp/status-page-resolved.png', fullPage: true });

    await page.setViewportSize({ width: 320, height: 800 });
    const widths = await page.evaluate<{ scroll: number; client: number }>(
      '({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })',
    );
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    await page.screenshot({ path: '/tmp/status-page-320.png', fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it("speaks Latvian to a Latvian customer, from the page's lang attribute on", async () => {
    const complaint = await logComplaint(t, org.tokens.agent, withCustomer({ language: 'lv' }));
    const page = await open(urlOf(complaint.publicUrl));

    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('lv');
    await expect(page.locator('h1').textContent()).resolves.toBe(`Jūsu sūdzība ${complaint.reference}`);
    await expect(page.locator('[aria-current="step"] .label').textContent()).resolves.toBe('Saņemta');
    await expect(page.locator('#next-step').textContent()).resolves.toBe('Ar jums sazināsies kāds no mūsu komandas');
    await expect(page.getByText('Mūsu komanda “Billing”', { exact: true }).isVisible()).resolves.toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });
});
