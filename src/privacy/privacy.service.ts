import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError, type ErrorDetail } from '../common/app-error.js';
import { KnownPeopleRepository } from './known-people.repository.js';
import { PrivacyErrorCode } from './privacy-error-code.js';
import { createFinder, emailsIn, idsIn, nameKeys, phoneDigits, phonesIn, type CustomerIdentity, type KnownPeople, type PersonalDataFinder } from './redaction.js';

/** A text of a request, named by its field for the error details. */
export interface NamedText {
  field: string;
  text: string;
}

/** The complaint a customer-facing message belongs to. */
export interface MessageOwner {
  id: string;
  customer: CustomerIdentity;
}

const WHAT = { staff: 'a staff name or id', customer: "another customer's name", email: 'an e-mail address', phone: 'a phone number' } as const;

/**
 * The database side of the privacy rules: it finds the people a text may name (staff; customers by the words of
 * the text) and hands them to the one redaction module, for the committee's outputs and for the checks at the door.
 */
@Injectable()
export class PrivacyService {
  constructor(private readonly people: KnownPeopleRepository) {}

  /**
   * The people a committee output must not name: every staff member, and the customers of the complaints open in
   * `period` whose names share a word with `texts` (looked up by index, not loaded wholesale).
   */
  async peopleFor(manager: EntityManager, texts: Iterable<string>, period: { from: Date; to: Date }): Promise<KnownPeople> {
    const keys = new Set<string>();
    for (const text of texts) for (const key of nameKeys(text)) keys.add(key);
    const staff = await this.people.staff(manager);
    const customerNames = await this.people.customerNamesMatching(manager, [...keys], { period });
    return { staffNames: staff.names, staffIds: staff.ids, customerNames };
  }

  async finderFor(manager: EntityManager, texts: Iterable<string>, period: { from: Date; to: Date }): Promise<PersonalDataFinder> {
    return createFinder(await this.peopleFor(manager, texts, period));
  }

  /**
   * Committee, department, category and root-cause names reach the agenda's title, the invite and the themes:
   * they may not hold a staff name, a staff id, an e-mail address or a phone number (422, nothing written).
   */
  async assertCleanNames(manager: EntityManager, texts: readonly NamedText[]): Promise<void> {
    const present = texts.filter((t) => t.text.trim() !== '');
    if (present.length === 0) return;
    const staff = await this.people.staff(manager);
    const finder = createFinder({ staffNames: staff.names, staffIds: staff.ids });
    const details: ErrorDetail[] = present.flatMap(({ field, text }) =>
      finder.find(text).map((found) => ({ field, problem: `holds ${WHAT[found.kind]} ("${text.normalize('NFC').slice(found.start, found.end)}"): names reach the committee's agenda and invites, which never name people or hold contact data` })),
    );
    if (details.length > 0) throw new AppError(PrivacyErrorCode.PERSONAL_DATA_IN_NAME, 'A name may not hold a staff name or contact data', details);
  }

  /**
   * A message to one customer may not carry another customer's name, e-mail address or phone number, nor a staff
   * id (422, nothing written, no override: no justification makes another person's data the reader's business).
   * Staff names are fine: an agent signs with their first name.
   */
  async assertPrivateToCustomer(manager: EntityManager, owner: MessageOwner, text: string, fieldOf: (at: { start: number; end: number }) => string): Promise<void> {
    const normalized = text.normalize('NFC');
    const problems: Array<{ start: number; end: number; what: string }> = [];

    const ownEmail = owner.customer.email?.trim().toLowerCase() ?? null;
    const ownDigits = owner.customer.phone ? phoneDigits(owner.customer.phone) : null;
    const emails = emailsIn(normalized).filter((found) => found.email !== ownEmail);
    const phones = phonesIn(normalized).filter((found) => found.digits !== ownDigits);
    const others = await this.people.otherCustomersContacts(manager, owner.id, [...new Set(emails.map((e) => e.email))], [...new Set(phones.map((p) => p.digits))]);
    for (const found of emails) if (others.emails.has(found.email)) problems.push({ ...found, what: "another customer's e-mail address" });
    for (const found of phones) if (others.phones.has(found.digits)) problems.push({ ...found, what: "another customer's phone number" });

    const ids = idsIn(normalized);
    const staffIds = await this.people.staffIdsAmong(manager, [...new Set(ids.map((found) => found.id))]);
    for (const found of ids) if (staffIds.has(found.id)) problems.push({ ...found, what: 'a staff id' });

    const customerNames = await this.people.customerNamesMatching(manager, nameKeys(normalized), { exceptComplaintId: owner.id });
    if (customerNames.length > 0) {
      const finder = createFinder({ staffNames: [], customerNames, customerGivenNames: false });
      for (const found of finder.find(normalized, owner.customer)) {
        if (found.kind === 'customer' && !found.own) problems.push({ start: found.start, end: found.end, what: "another customer's name" });
      }
    }

    if (problems.length === 0) return;
    problems.sort((a, b) => a.start - b.start);
    throw new AppError(
      PrivacyErrorCode.OTHER_PERSONS_DATA,
      "The message holds another person's data; remove it before sending",
      problems.map((p) => ({ field: fieldOf(p), problem: `holds ${p.what} ("${normalized.slice(p.start, p.end)}")` })),
    );
  }
}
