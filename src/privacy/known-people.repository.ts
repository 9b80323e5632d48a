import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface StaffDirectory {
  names: string[];
  ids: string[];
}

/**
 * The people whose names and contact data the redaction and the privacy check look for. Customers are found by the
 * words of the texts being checked (complaints.customer_name_keys, GIN-indexed), never by loading every customer.
 */
@Injectable()
export class KnownPeopleRepository {
  async staff(manager: EntityManager): Promise<StaffDirectory> {
    const rows: Array<{ id: string; name: string }> = await manager.query('SELECT id, name FROM staff ORDER BY name, id');
    return { names: [...new Set(rows.map((row) => row.name))], ids: rows.map((row) => row.id) };
  }

  /** Which of these ids (lower case) are staff ids. */
  async staffIdsAmong(manager: EntityManager, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: Array<{ id: string }> = await manager.query(`SELECT id::text AS id FROM staff WHERE id = ANY($1::uuid[])`, [ids]);
    return new Set(rows.map((row) => row.id));
  }

  /**
   * Names of customers any of whose name words are among `keys` (redaction.nameKeys of the texts). `period`: only
   * complaints open at some time in [from, to). `exceptComplaintId`: leave that complaint's own customer out.
   */
  async customerNamesMatching(manager: EntityManager, keys: readonly string[], options: { period?: { from: Date; to: Date }; exceptComplaintId?: string } = {}): Promise<string[]> {
    if (keys.length === 0) return [];
    const params: unknown[] = [keys];
    const conditions = ['customer_name_keys && $1::text[]'];
    if (options.period) {
      params.push(options.period.from, options.period.to);
      conditions.push(`received_at < $${params.length} AND (closed_at IS NULL OR closed_at >= $${params.length - 1})`);
    }
    if (options.exceptComplaintId) {
      params.push(options.exceptComplaintId);
      conditions.push(`id <> $${params.length}`);
    }
    const rows: Array<{ name: string }> = await manager.query(`SELECT DISTINCT customer_name AS name FROM complaints WHERE ${conditions.join(' AND ')}`, params);
    return rows.map((row) => row.name);
  }

  /** Which of these e-mail addresses (lower case) and phone digits belong to the customer of another complaint. */
  async otherCustomersContacts(manager: EntityManager, complaintId: string, emails: readonly string[], phoneDigits: readonly string[]): Promise<{ emails: Set<string>; phones: Set<string> }> {
    const found = { emails: new Set<string>(), phones: new Set<string>() };
    if (emails.length > 0) {
      const rows: Array<{ email: string }> = await manager.query(
        `SELECT DISTINCT lower(customer_email) AS email FROM complaints WHERE customer_email IS NOT NULL AND lower(customer_email) = ANY($1::text[]) AND id <> $2`,
        [emails, complaintId],
      );
      for (const row of rows) found.emails.add(row.email);
    }
    if (phoneDigits.length > 0) {
      const rows: Array<{ digits: string }> = await manager.query(
        `SELECT DISTINCT ltrim(regexp_replace(customer_phone, '\\D', '', 'g'), '0') AS digits FROM complaints
          WHERE customer_phone IS NOT NULL AND ltrim(regexp_replace(customer_phone, '\\D', '', 'g'), '0') = ANY($1::text[]) AND id <> $2`,
        [phoneDigits, complaintId],
      );
      for (const row of rows) found.phones.add(row.digits);
    }
    return found;
  }
}
