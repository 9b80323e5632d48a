import type { ContactChannel } from '../complaints/complaint.entity.js';

export interface CustomerContact {
  preferredChannel: ContactChannel;
  customerEmail: string | null;
  customerPhone: string | null;
  customerPostalAddress: string | null;
}

/**
 * Where a message to this customer goes: the preferred channel only, never a fallback the customer did not
 * choose. `portal` customers read their status page, so the address is the link itself. Null when the contact
 * detail the channel needs is missing (intake refuses such complaints).
 */
export function addressFor(contact: CustomerContact, publicUrl: string): string | null {
  switch (contact.preferredChannel) {
    case 'email':
      return contact.customerEmail;
    case 'phone':
    case 'sms':
      return contact.customerPhone;
    case 'letter':
      return contact.customerPostalAddress;
    case 'portal':
      return publicUrl;
  }
}

/** The intake field each channel needs, for the 400 that names it. */
export const CONTACT_FIELD_FOR: Record<ContactChannel, string | null> = {
  email: 'customer.email',
  phone: 'customer.phone',
  sms: 'customer.phone',
  letter: 'customer.postalAddress',
  portal: null,
};
