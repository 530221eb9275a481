/** Corpus: person names from many cultures and forms, postal addresses in several countries' formats, subscriber keys. */
import type { PiiItem } from './types';

const NAMES = [
  'Jane Doe', 'Maria Gonzalez', 'Liam O’Connor', "Siobhan O'Brien", 'Priya Raman', 'Rohan Mehta', 'Chen Wei', 'Wei Zhang',
  'Kenji Sato', 'Yuki Tanaka', 'Min-jun Park', 'Ji-woo Kim', 'Nguyen Van Minh', 'Olusegun Adeyemi', 'Chinedu Okafor',
  'Kwame Mensah', 'Amara Diallo', 'Thabo Ndlovu', 'Fatima Al-Sayed', 'Mohammed bin Rashid', 'Leila Hassan', 'Mehmet Yilmaz',
  'José García López', 'Lucía Fernández', 'João Silva', 'Gonçalo Ferreira', 'François Dubois', 'Émilie Laurent',
  'Jürgen Müller', 'Ingrid Schröder', 'Giulia Rossi', 'Alessandro Bianchi', 'Pieter van der Berg', 'Anouk de Vries',
  'Lars Andersson', 'Sigrid Johansen', 'Katarzyna Nowak', 'Dmitri Ivanov', 'Olga Petrova', 'Avi Cohen',
  'Mary-Kate Smith-Jones', 'Dr. Samuel Okafor', 'Mrs. Eleanor Whitfield', 'Prof. Hiroshi Yamamoto', 'JANE DOE',
  'Doe, Jane', 'Jane D.', 'María José Carreño', 'Ana Sofía Ruiz', 'Sean McDonald', 'Jean-Luc Picard', 'Niamh Byrne',
  'Aoife Gallagher', 'Arjun Sharma', 'Ananya Iyer', 'Camila Oliveira', 'Lerato Dlamini', 'Zeynep Kaya', 'Ravi Patel',
  'Emma Thompson',
];

const ADDRESSES: Array<[string, string[]]> = [
  ['221B Baker Street, London NW1 6XE', ['221B', 'Baker', 'NW1 6XE']],
  ['10 Downing Street, London SW1A 2AA', ['Downing', 'SW1A 2AA']],
  ['1600 Amphitheatre Parkway, Mountain View, CA 94043', ['1600', 'Amphitheatre', '94043']],
  ['742 Evergreen Terrace, Springfield', ['742', 'Evergreen']],
  ['350 Fifth Avenue, New York, NY 10118', ['350 Fifth', '10118']],
  ['Flat 3, 27 Queen Street, Edinburgh EH2 1JX', ['27 Queen', 'EH2 1JX']],
  ['Apt 4B, 55 Maple Drive, Toronto, ON M5V 2T6', ['55 Maple', 'M5V']],
  ['12 High Road, Leeds LS1 4AP', ['12 High', 'LS1 4AP']],
  ['4 Privet Drive, Little Whinging, Surrey', ['Privet']],
  ['88 Colin P Kelly Jr Street, San Francisco, CA 94107', ['Colin', '94107']],
  ['12 rue de la Paix, 75002 Paris', ['12 rue', 'Paix', '75002']],
  ['8 avenue des Champs-Élysées, 75008 Paris', ['Champs', '75008']],
  ['3 bis boulevard Saint-Michel, 75005 Paris', ['Saint-Michel', '75005']],
  ['Hauptstraße 5, 10115 Berlin', ['Hauptstraße 5', '10115']],
  ['Schillerstr. 12a, 80336 München', ['Schillerstr', '80336']],
  ['Am Birkenweg 7, 50667 Köln', ['Birkenweg', '50667']],
  ['Keizersgracht 123, 1015 CJ Amsterdam', ['Keizersgracht', '1015 CJ']],
  ['Calle Mayor 10, 28013 Madrid', ['Calle Mayor', '28013']],
  ['Avenida de la Constitución 21, 41004 Sevilla', ['Constitución', '41004']],
  ['Via Roma 1, 00184 Roma', ['Via Roma', '00184']],
  ['Piazza del Duomo 3, 50122 Firenze', ['Duomo', '50122']],
  ['Rua Augusta 45, 1100-048 Lisboa', ['Augusta', '1100-048']],
  ['Storgatan 14, 114 55 Stockholm', ['Storgatan', '114 55']],
  ['P.O. Box 1234, Springfield, IL 62701', ['1234', '62701']],
  ['PO Box 77, Cork', ['PO Box 77']],
  ['90 Collins Street, Melbourne VIC 3000', ['90 Collins', 'VIC 3000']],
  ['15 Lambton Quay, Wellington 6011', ['Lambton', '6011']],
  ['1-2-3 Marunouchi, Chiyoda-ku, Tokyo 100-0005', ['Marunouchi', '100-0005']],
  ['25 Oak Lane, Dublin D02 X285', ['25 Oak', 'D02']],
  ['500 Boylston St, Boston, MA 02116', ['Boylston', '02116']],
];

const SUBSCRIBER_KEYS = [
  'SK_jane_doe_1985', 'SUB-00482913', 'CUST_000123987', 'sub_maria_gonzalez', 'jane.doe.85', 'priya_raman_1990',
  'contact-2931847', 'MBR-77812-UK', 'LOY_4451_2026_gold', 'USR-jdoe-1985', 'SK-KENJI-SATO', 'subscriber_00987654',
  'customer:liam.oconnor', 'CK-993-4471-A', 'rohanmehta1989',
];

export const PEOPLE_ITEMS: PiiItem[] = [
  ...NAMES.map((value): PiiItem => ({
    kind: 'name',
    value,
    frags: value.replace(/^(?:Dr|Mrs|Prof)\. /, '').split(/[\s,]+/).map((w) => w.replace(/\.$/, '')).filter((w) => w.length >= 2 && !/^(?:van|der|de|bin)$/.test(w)),
  })),
  ...ADDRESSES.map(([value, frags]): PiiItem => ({ kind: 'address', value, frags })),
  ...SUBSCRIBER_KEYS.map((value): PiiItem => ({ kind: 'subscriber-key', value })),
];
