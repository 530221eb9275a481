/** Where a value sits on an SFMC screen: a heading, a field label, a sentence (help/error text) and a button name. */
import type { ContextKind, PiiKind } from './types';

type Template = (v: string) => string;

const GENERIC: Record<ContextKind, Template> = {
  heading: (v) => `Record details – ${v}`,
  label: (v) => `Value: ${v}`,
  sentence: (v) => `Record 3 was not saved: ${v} is invalid.`,
  button: (v) => `Copy ${v}`,
};

const BY_KIND: Partial<Record<PiiKind, Record<ContextKind, Template>>> = {
  email: {
    heading: (v) => `Test send to ${v}`,
    label: (v) => `Reply-to address: ${v}`,
    sentence: (v) => `We could not deliver the proof to ${v}, check the address.`,
    button: (v) => `Send preview to ${v}`,
  },
  phone: {
    heading: (v) => `SMS test to ${v}`,
    label: (v) => `Mobile number: ${v}`,
    sentence: (v) => `The subscriber asked us to call ${v} after 5 pm.`,
    button: (v) => `Call ${v}`,
  },
  iban: {
    heading: (v) => `Refund to ${v}`,
    label: (v) => `IBAN: ${v}`,
    sentence: (v) => `Payments go to account ${v} every month.`,
    button: (v) => `Verify ${v}`,
  },
  card: {
    heading: (v) => `Card ending ${v}`,
    label: (v) => `Card number: ${v}`,
    sentence: (v) => `The order was paid with ${v} yesterday.`,
    button: (v) => `Remove ${v}`,
  },
  cvv: {
    heading: (v) => `Payment check (${v})`,
    label: (v) => `Card details — ${v}`,
    sentence: (v) => `The customer read out ${v} on the phone.`,
    button: (v) => `Confirm ${v}`,
  },
  'national-id': {
    heading: (v) => `Identity check ${v}`,
    label: (v) => `National ID: ${v}`,
    sentence: (v) => `The form was submitted with ${v} as the tax number.`,
    button: (v) => `Look up ${v}`,
  },
  dob: {
    heading: (v) => `Birthday journey (${v})`,
    label: (v) => `Member since / ${v}`,
    sentence: (v) => `Our records show ${v} for this contact.`,
    button: (v) => `Edit ${v}`,
  },
  address: {
    heading: (v) => `Ship to ${v}`,
    label: (v) => `Mailing address: ${v}`,
    sentence: (v) => `The catalogue was returned from ${v} as undeliverable.`,
    button: (v) => `Open map for ${v}`,
  },
  name: {
    heading: (v) => `Journey for ${v}`,
    label: (v) => `Owner: ${v}`,
    sentence: (v) => `This automation was last edited by ${v} on Monday.`,
    button: (v) => `Message ${v}`,
  },
  'subscriber-key': {
    heading: (v) => `Subscriber ${v}`,
    label: (v) => `Subscriber Key: ${v}`,
    sentence: (v) => `No sends were found for ${v} in the last 30 days.`,
    button: (v) => `Unsubscribe ${v}`,
  },
  sfid: {
    heading: (v) => `Contact ${v}`,
    label: (v) => `Lead ID: ${v}`,
    sentence: (v) => `Synchronized object ${v} failed to import.`,
    button: (v) => `Open ${v} in Sales Cloud`,
  },
  jwt: {
    heading: (v) => `Debug token ${v}`,
    label: (v) => `JWT: ${v}`,
    sentence: (v) => `The login request carried ${v} as its assertion.`,
    button: (v) => `Decode ${v}`,
  },
  secret: {
    heading: (v) => `Integration (${v})`,
    label: (v) => `Config — ${v}`,
    sentence: (v) => `The package was installed with ${v} by mistake.`,
    button: (v) => `Rotate (${v})`,
  },
  ip: {
    heading: (v) => `Login from ${v}`,
    label: (v) => `IP address: ${v}`,
    sentence: (v) => `Requests from ${v} were blocked by the allowlist.`,
    button: (v) => `Allow ${v}`,
  },
};

export function contexts(kind: PiiKind): Array<[ContextKind, Template]> {
  const t = BY_KIND[kind] ?? GENERIC;
  return (['heading', 'label', 'sentence', 'button'] as const).map((c) => [c, t[c]]);
}
