import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, intakeBody, seedOrganisation, type Organisation } from '../factories/organisation.js';
import { HOUR } from '../support/test-clock.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The whole resolution step once, as staff and the customer live it. */
describe('the resolution step end to end', () => {
  let t: TestApp;
  let org: Organisation;
  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set('2026-11-23T09:00:00Z');
    org = await seedOrganisation(t);
  });
  afterAll(() => t.close());

  it('acknowledges, hands off with context, asks and resumes, delays, refuses, is disputed and resolved again', async () => {
    const http = t.http();
    const agent = bearer(org.tokens.agent);
    const resolver = bearer(org.tokens.resolver);
    const created = await http.post('/api/complaints').set(agent).send(intakeBody());
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const token = (created.body.publicUrl as string).split('/').pop()!;

    const ack = await http.post(`/api/complaints/${id}/acknowledge`).set(agent).send({
      message: 'Thank you for telling us, and I am sorry you were charged twice.',
      nextSteps: 'Our billing team will check both payments.',
    });
    expect(ack.status).toBe(200);

    const handoff = await http.post(`/api/complaints/${id}/handoffs`).set(agent).send({
      toDepartmentId: org.otherDepartmentId,
      reason: 'The network team owns the payment gateway',
      contextNote: 'Two debits on 3 Nov, gateway retry suspected. Customer wants the duplicate refunded; call the mobile after 17:00 only.',
    });
    expect(handoff.status).toBe(200);
    expect(handoff.body.status).toBe('in_resolution');
    expect(handoff.body.owningDepartment.id).toBe(org.otherDepartmentId);
    expect(handoff.body.handoff.contextNote).toContain('gateway retry');

    const copy = await http.post(`/api/complaints/${id}/handoffs`).set(agent).send({
      toDepartmentId: org.departmentId,
      reason: 'Back to billing',
      contextNote: intakeBody().description,
    });
    expect(copy.status).toBe(422);
    expect(copy.body.code).toBe('CONTEXT_NOTE_COPIES_DESCRIPTION');

    const dueBefore = new Date(handoff.body.resolutionDueAt).getTime();
    const asked = await http.post(`/api/complaints/${id}/information-requests`).set(resolver).send({
      question: 'Could you tell us the last four digits of the card that was charged twice? We will check it right away.',
    });
    expect(asked.status).toBe(200);
    expect(asked.body.waitingForCustomerSince).not.toBeNull();

    t.clock.advance(2 * HOUR);
    const replied = await http.post(`/public/complaints/${token}/reply`).send({ message: 'It ends in 4417.' });
    expect(replied.status).toBe(200);
    const afterReply = await http.get(`/api/complaints/${id}`).set(resolver);
    expect(afterReply.body.waitingForCustomerSince).toBeNull();
    // Two business hours paused: the Wednesday 17:00 deadline moves to Thursday 11:00, not 19:00 on Wednesday.
    expect(new Date(dueBefore).toISOString()).toBe('2026-11-25T17:00:00.000Z');
    expect(afterReply.body.resolutionDueAt).toBe('2026-11-26T11:00:00.000Z');

    const noReason = await http.post(`/api/complaints/${id}/expected-date`).set(resolver).send({ expectedResolutionBy: '2026-12-10T12:00:00Z' });
    expect(noReason.status).toBe(400);
    const delayed = await http.post(`/api/complaints/${id}/expected-date`).set(resolver).send({
      expectedResolutionBy: '2026-12-10T12:00:00Z',
      customerReason: 'The card scheme needs five more working days to confirm the refund, because it was a card payment.',
    });
    expect(delayed.status).toBe(200);

    const noNextSteps = await http.post(`/api/complaints/${id}/resolution`).set(resolver).send({
      outcome: 'not_upheld',
      customerMessage: 'Thank you for your patience while we checked this.',
      refusalReason: 'The second debit was a pre-authorisation that your bank released on 5 November.',
    });
    expect(noNextSteps.status).toBe(400);
    expect(noNextSteps.body.details.map((d: { field: string }) => d.field)).toEqual(['nextSteps']);

    const refused = await http.post(`/api/complaints/${id}/resolution`).set(resolver).send({
      outcome: 'not_upheld',
      customerMessage: 'Thank you for your patience while we checked this, and I am sorry for the worry it caused.',
      refusalReason: 'The second debit was a pre-authorisation that your bank released on 5 November.',
      nextSteps: 'If the amount is still missing, send us your bank statement and we will review it within two days.',
    });
    expect(refused.status).toBe(200);
    expect(refused.body.status).toBe('resolved');

    const [message] = await t.dataSource.query(`SELECT channel, address, body FROM outbox_messages WHERE complaint_id = $1 AND purpose = 'resolution'`, [id]);
    expect(message.channel).toBe('phone');
    expect(message.address).toBe('+37120000000');
    expect(message.body).toContain('you have the right to refer it to');

    const feedback = await http.post(`/public/complaints/${token}/feedback`).send({ csat: 2, nps: 4 });
    expect(feedback.status).toBe(201);
    expect((await http.post(`/public/complaints/${token}/feedback`).send({ csat: 5 })).status).toBe(409);

    const disputed = await http.post(`/public/complaints/${token}/dispute`).send({ reason: 'The money is still missing from my account.' });
    expect(disputed.status).toBe(200);
    const reopened = await http.get(`/api/complaints/${id}`).set(resolver);
    expect(reopened.body.status).toBe('reopened');

    const upheld = await http.post(`/api/complaints/${id}/resolution`).set(resolver).send({
      outcome: 'upheld',
      customerMessage: 'Thank you for sending the statement, and I am sorry we got this wrong the first time.',
      remedy: 'We refunded 42.00 EUR to your card today; you will receive it within three working days.',
    });
    expect(upheld.status).toBe(200);
    expect((await http.post(`/public/complaints/${token}/feedback`).send({ csat: 5, nps: 9 })).status).toBe(201);

    const timeline = await http.get(`/api/complaints/${id}/timeline`).set(resolver);
    expect(timeline.body.items.map((e: { type: string }) => e.type)).toEqual([
      'received',
      'acknowledged',
      'handed_off',
      'information_requested',
      'customer_replied',
      'expected_date_changed',
      'resolved',
      'feedback_received',
      'disputed',
      'resolved',
      'feedback_received',
    ]);
    // Everything after the handoff was done by Billing (the sender) and the customer: Network never acted, so the
    // complaint still counts as waiting in the handoff (handoffs.e2e-spec.ts covers the receiving side acting).
    const [wait] = await t.dataSource.query(`SELECT first_action_at FROM handoffs WHERE complaint_id = $1`, [id]);
    expect(wait.first_action_at).toBeNull();
  });
});
