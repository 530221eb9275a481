/**
 * System data view entries (kind `data-view`): the title is the view's name as written in SQL, `columns` its main
 * columns, and the text says what it holds, how long it keeps data and how it joins. Our own words.
 */
import type { ReferenceEntry } from '../schema.ts';
import { help } from './sources.ts';

interface ViewSpec {
  name: string;
  article: string;
  columns: string[];
  text: string;
  keywords: string[];
}

const SIX_MONTHS = 'Keeps about six months of data; dates are in CST.';

const SEND_KEYS = ['AccountID', 'OYBAccountID', 'JobID', 'ListID', 'BatchID', 'SubscriberID', 'SubscriberKey', 'EventDate'];

const VIEWS: ViewSpec[] = [
  {
    name: '_Sent',
    article: 'mc_as_data_view_sent',
    columns: [...SEND_KEYS, 'Domain', 'TriggererSendDefinitionObjectID', 'TriggeredSendCustomerKey'],
    text: `One row per email sent to a subscriber (who got which send, and when). ${SIX_MONTHS} Join other tracking views on JobID + SubscriberKey (plus ListID, BatchID).`,
    keywords: ['sent emails', 'send log', 'who received', 'deliveries', 'email sends table'],
  },
  {
    name: '_Open',
    article: 'mc_as_data_view_open',
    columns: [...SEND_KEYS, 'IsUnique', 'Domain', 'TriggererSendDefinitionObjectID', 'TriggeredSendCustomerKey'],
    text: `One row per email open (IsUnique = 1 marks the first open of a send by that subscriber). ${SIX_MONTHS} Opens depend on image loading and privacy features, so treat them as an estimate.`,
    keywords: ['opens', 'opened', 'open tracking', 'who opened', 'openers table'],
  },
  {
    name: '_Click',
    article: 'mc_as_data_view_click',
    columns: [...SEND_KEYS, 'IsUnique', 'URL', 'LinkName', 'LinkContent', 'Domain', 'TriggererSendDefinitionObjectID'],
    text: `One row per tracked link click, with the URL and link name. ${SIX_MONTHS} IsUnique = 1 marks the first click on that link in the send.`,
    keywords: ['clicks', 'clicked', 'link clicks', 'who clicked', 'url clicked'],
  },
  {
    name: '_Bounce',
    article: 'mc_as_data_view_bounce',
    columns: [...SEND_KEYS, 'IsUnique', 'Domain', 'BounceCategory', 'BounceSubcategory', 'BounceType', 'SMTPCode', 'SMTPBounceReason'],
    text: `One row per bounced email with category (hard, soft, block, technical), SMTP code and reason. ${SIX_MONTHS} SMTPBounceReason can exceed 4,000 characters: wrap it in LEFT(…, 4000).`,
    keywords: ['bounces', 'bounced', 'hard bounce', 'soft bounce', 'undeliverable email', 'table with bounces', 'smtp'],
  },
  {
    name: '_Unsubscribe',
    article: 'mc_as_data_view_unsubscribe',
    columns: [...SEND_KEYS, 'IsUnique', 'Domain'],
    text: `One row per unsubscribe event tied to a send. ${SIX_MONTHS} It logs events; the current status lives in _Subscribers (and _BusinessUnitUnsubscribes for BU-level opt-outs).`,
    keywords: ['unsubscribes', 'unsubscribed', 'opt out', 'opt-outs', 'who unsubscribed'],
  },
  {
    name: '_Complaint',
    article: 'mc_as_data_view_complaint',
    columns: [...SEND_KEYS, 'IsUnique', 'Domain'],
    text: `One row per spam complaint reported back by a mailbox provider through a feedback loop. ${SIX_MONTHS} Complaining addresses are unsubscribed automatically.`,
    keywords: ['spam complaints', 'complaint', 'marked as spam', 'feedback loop', 'abuse'],
  },
  {
    name: '_FTAF',
    article: 'mc_as_data_view_ftaf',
    columns: ['AccountID', 'OYBAccountID', 'JobID', 'ListID', 'BatchID', 'SubscriberID', 'SubscriberKey', 'TransactionTime', 'IsUnique', 'Domain'],
    text: `Forward-to-a-friend events: one row per forward made through the forward-to-a-friend feature. ${SIX_MONTHS}`,
    keywords: ['forward to a friend', 'forwards', 'ftaf'],
  },
  {
    name: '_Job',
    article: 'mc_as_data_view_job',
    columns: ['JobID', 'EmailID', 'EmailName', 'EmailSubject', 'FromName', 'FromEmail', 'SchedTime', 'PickupTime', 'DeliveredTime', 'JobStatus', 'SendClassification', 'SendType', 'TriggererSendDefinitionObjectID', 'TriggeredSendCustomerKey', 'CreatedDate'],
    text: 'One row per send job: email name, subject, from name and address, send classification and schedule/delivery times. Join to tracking views on JobID to label results with the email that was sent.',
    keywords: ['send job', 'email name', 'subject line', 'from name', 'job details', 'which email'],
  },
  {
    name: '_Subscribers',
    article: 'mc_as_data_view_subscribers',
    columns: ['SubscriberID', 'SubscriberKey', 'EmailAddress', 'Status', 'DateJoined', 'DateUnsubscribed', 'DateUndeliverable', 'BounceCount', 'SubscriberType', 'Domain', 'Locale'],
    text: 'The current state of All Subscribers: one row per subscriber with email address and status (active, bounced, held, unsubscribed). It is a snapshot, not history. From a child business unit it is queried as Ent._Subscribers.',
    keywords: ['all subscribers', 'subscriber status', 'status', 'unsubscribed', 'held', 'subscribers table', 'email address'],
  },
  {
    name: '_ListSubscribers',
    article: 'mc_as_data_view_listsubscribers',
    columns: ['ListID', 'ListName', 'ListType', 'SubscriberID', 'SubscriberKey', 'EmailAddress', 'Status', 'AddMethod', 'AddedBy', 'CreatedDate', 'DateUnsubscribed', 'SubscriberType'],
    text: 'List membership: one row per subscriber per list, with the status on that list. Useful for publication lists, whose unsubscribes do not change All Subscribers status.',
    keywords: ['list members', 'publication list', 'list status', 'who is on a list'],
  },
  {
    name: '_Journey',
    article: 'mc_as_data_view_journey',
    columns: ['VersionID', 'JourneyID', 'JourneyName', 'VersionNumber', 'JourneyStatus', 'CreatedDate', 'LastPublishedDate', 'ModifiedDate'],
    text: 'One row per journey version with its name, version number and status (Draft, Running, Stopped, …). Join to _JourneyActivity on VersionID.',
    keywords: ['journeys', 'journey names', 'journey status', 'journey versions', 'journey builder'],
  },
  {
    name: '_JourneyActivity',
    article: 'mc_as_data_view_journey_activity',
    columns: ['VersionID', 'ActivityID', 'ActivityName', 'ActivityExternalKey', 'ActivityType', 'JourneyActivityObjectID'],
    text: 'One row per activity in a journey version (emails, waits, splits …). JourneyActivityObjectID equals TriggererSendDefinitionObjectID in _Sent/_Open/_Click, which links email tracking to the journey.',
    keywords: ['journey activities', 'journey email activity', 'journey tracking'],
  },
  {
    name: '_BusinessUnitUnsubscribes',
    article: 'mc_as_data_view_businessunitunsubscribes',
    columns: ['BusinessUnitID', 'SubscriberID', 'SubscriberKey', 'UnsubDateUTC', 'UnsubReason'],
    text: 'Unsubscribes recorded at business-unit level (when subscribers opt out of one BU rather than the whole account). Combine with _Subscribers for a complete suppression.',
    keywords: ['business unit unsubscribes', 'bu unsubscribe', 'opt out per business unit'],
  },
  {
    name: '_SMSMessageTracking',
    article: 'mc_as_data_view_smsmessagetracking',
    columns: ['MobileMessageTrackingID', 'Mobile', 'SubscriberKey', 'MessageID', 'MessageText', 'Sent', 'Delivered', 'Undelivered', 'Outbound', 'Inbound', 'CreateDateTime', 'ShortCode', 'KeywordID', 'SMSStandardStatusCodeId', 'Description', 'JBDefinitionID'],
    text: 'One row per SMS message sent or received through MobileConnect, with delivery flags and status codes. Keeps about six months of data.',
    keywords: ['sms', 'text messages', 'mobileconnect', 'sms tracking', 'sms delivered'],
  },
  {
    name: '_SMSSubscriptionLog',
    article: 'mc_as_data_view_smssubscriptionlog',
    columns: ['LogDate', 'SubscriberKey', 'MobileSubscriptionID', 'SubscriptionDefinitionID', 'MobileNumber', 'OptInStatusID', 'OptInMethodID', 'OptInDate', 'OptOutStatusID', 'OptOutMethodID', 'OptOutDate', 'Source'],
    text: 'History of SMS opt-ins and opt-outs per mobile number and keyword/subscription.',
    keywords: ['sms opt in', 'sms opt out', 'sms subscription', 'stop keyword'],
  },
  {
    name: '_UndeliverableSms',
    article: 'mc_as_data_view_undeliverablesms',
    columns: ['MobileNumber', 'Undeliverable', 'BounceCount', 'FirstBounceDate', 'HoldDate'],
    text: 'Mobile numbers that failed SMS delivery, with bounce counts and the date the number was put on hold.',
    keywords: ['sms bounce', 'undeliverable sms', 'invalid mobile number'],
  },
  {
    name: '_MobileAddress',
    article: 'mc_as_data_view_mobileaddress',
    columns: ['_ContactID', '_MobileNumber', '_Status', '_Source', '_CountryCode', '_CarrierID', '_CreatedDate', '_ModifiedDate', '_FirstName', '_LastName'],
    text: 'Contacts\' mobile numbers known to MobileConnect, with country, carrier and status. Its column names begin with an underscore (m._MobileNumber).',
    keywords: ['mobile numbers', 'mobile contacts', 'phone numbers', 'mobileconnect contacts'],
  },
  {
    name: '_MobileSubscription',
    article: 'mc_as_data_view_mobilesubscription',
    columns: ['_SubscriptionDefinitionID', '_MobileNumber', '_OptInStatusID', '_OptOutStatusID', '_OptInDate', '_OptOutDate', '_Source', '_CreatedDate', '_ModifiedDate'],
    text: 'Current SMS subscription status of each mobile number per subscription (keyword).',
    keywords: ['sms subscription status', 'mobile opt in status'],
  },
  {
    name: '_PushAddress',
    article: 'mc_as_data_view_pushaddress',
    columns: ['_ContactID', '_DeviceID', '_APID', '_Platform', '_PlatformVersion', '_Status', '_OptInStatusID', '_OptOutStatusID', '_SystemToken', '_CreatedDate', '_ModifiedDate'],
    text: 'MobilePush devices registered for contacts: app, platform (iOS/Android), push token and opt-in status.',
    keywords: ['push', 'mobilepush', 'devices', 'app users', 'push token'],
  },
  {
    name: '_PushTag',
    article: 'mc_as_data_view_pushtag',
    columns: ['_DeviceID', '_APID', '_Value', '_CreatedDate', '_ModifiedDate'],
    text: 'Tags set on MobilePush devices by the app, one row per device and tag value.',
    keywords: ['push tags', 'device tags'],
  },
  {
    name: '_SurveyResponse',
    article: 'mc_as_data_view_surveyresponse',
    columns: ['JobID', 'ListID', 'BatchID', 'SubscriberID', 'SubscriberKey', 'EmailAddress', 'SurveyID', 'SurveyName', 'QuestionID', 'Question', 'AnswerID', 'Answer', 'AnswerData'],
    text: 'Answers given to classic email surveys, one row per subscriber, question and answer.',
    keywords: ['survey', 'survey answers', 'responses'],
  },
  {
    name: '_Coupon',
    article: 'mc_as_data_view_coupon',
    columns: ['Name', 'ExternalKey', 'Description', 'BeginDate', 'ExpirationDate'],
    text: 'Coupon definitions used with ClaimRow-style coupon code distribution: name, key, validity dates.',
    keywords: ['coupons', 'coupon codes', 'voucher'],
  },
  {
    name: '_EnterpriseAttribute',
    article: 'mc_as_data_view_enterpriseattribute',
    columns: ['_SubscriberID', 'profile attribute columns'],
    text: 'Enterprise 2.0 accounts only: the profile attributes of subscribers, one column per attribute, keyed by _SubscriberID (joins to _Subscribers.SubscriberID).',
    keywords: ['profile attributes', 'subscriber attributes', 'enterprise 2.0'],
  },
  {
    name: '_AutomationInstance',
    article: 'mc_as_data_view_automationinstance',
    columns: ['MemberID', 'AutomationName', 'AutomationCustomerKey', 'AutomationInstanceID', 'AutomationInstanceStatus', 'AutomationInstanceStartTime_UTC', 'AutomationInstanceEndTime_UTC', 'AutomationInstanceActivityErrorDetails'],
    text: 'One row per automation run with status, start and end times (UTC) and error details. Handy for monitoring failed automations; keeps about a month of runs.',
    keywords: ['automation runs', 'automation history', 'failed automation', 'automation monitoring'],
  },
  {
    name: '_AutomationActivityInstance',
    article: 'mc_as_data_view_automationactivityinstance',
    columns: ['MemberID', 'AutomationName', 'AutomationInstanceID', 'ActivityName', 'ActivityType', 'ActivityInstanceStatus', 'ActivityInstanceStartTime_UTC', 'ActivityInstanceEndTime_UTC', 'ActivityInstanceStatusDetails'],
    text: 'One row per activity run inside an automation (query, import, script …) with status and error details: which step failed and why.',
    keywords: ['activity runs', 'query activity history', 'which step failed', 'automation errors'],
  },
];

export const DATA_VIEW_ENTRIES: ReferenceEntry[] = VIEWS.map((v) => ({
  id: `dataview.${v.name.toLowerCase()}`,
  kind: 'data-view',
  title: v.name,
  text: v.text,
  keywords: ['data view', 'system data view', 'sql', v.name, v.name.slice(1), ...v.keywords],
  columns: v.columns,
  example: `SELECT ${v.columns.filter((c) => !c.includes(' ')).slice(0, 3).join(', ')}\nFROM ${v.name}`,
  source: help(v.article),
}));
