/**
 * Core SFMC concepts (kind `concept`): Journey Builder, the data model, sending, Automation Studio, Content Builder
 * and CloudPages. Short explanations in our own words, each linking to the Salesforce Help article.
 */
import type { ReferenceEntry } from '../schema.ts';
import { dev, help } from './sources.ts';

const JB = ['journey builder', 'journey'];
const DM = ['data model', 'contacts'];
const SEND = ['sending', 'email studio'];
const AS = ['automation studio', 'automation'];
const CB = ['content builder', 'content'];
const CP = ['cloudpages', 'landing page'];

function c(id: string, title: string, text: string, keywords: string[], source: string, example?: string): ReferenceEntry {
  const entry: ReferenceEntry = { id: `concept.${id}`, kind: 'concept', title, text, keywords, source };
  if (example) entry.example = example;
  return entry;
}

export const CONCEPT_ENTRIES: ReferenceEntry[] = [
  // ---------------------------------------------------------------- Journey Builder
  c(
    'journey-builder',
    'Journey Builder: what a journey is',
    'A journey moves contacts through a canvas of activities: an entry source admits them, then messages (email, SMS, push), waits, splits and updates run per contact until they reach the end, meet a goal or match exit criteria. Journeys are versioned and must be activated to run.',
    [...JB, 'overview', 'canvas', 'multi-step campaign', 'customer journey'],
    help('mc_jb_journey_builder'),
  ),
  c(
    'journey-entry-sources',
    'Journey entry sources',
    'The entry source decides who enters and when: a Data Extension (on a schedule or at activation; the journey reads new or all rows), an API Event (a REST call per contact), Salesforce Data (a CRM record created or updated), CloudPages Smart Capture (a form submit), Audience (from Audience Builder/Data Cloud) or an Automation. A filter on the entry source can narrow who is admitted.',
    [...JB, 'entry source', 'entry event', 'how contacts enter', 'get into a journey', 'start a journey', 'api event', 'data extension entry', 'salesforce data', 'smart capture', 'schedule entry'],
    help('mc_jb_entry_sources'),
  ),
  c(
    'journey-reentry',
    'Journey contact entry modes (re-entry)',
    'Journey Settings set when a contact may enter again, checked by contact key: No re-entry (once ever), Re-entry anytime (even while still in the journey, so one contact can be in it several times) and Re-entry only after exiting (at most one copy at a time). The mode applies to all versions; No re-entry cannot be changed after activation and is not supported in test mode.',
    [...JB, 're-entry', 'reentry', 'enter again', 'contact entry mode', 'no re-entry', 're-entry anytime', 're-entry only after exiting', 'duplicate entries', 'journey settings'],
    help('mc_jb_choose_a_contact_entry_mode'),
  ),
  c(
    'journey-waits',
    'Wait activities in journeys',
    'Waits hold a contact before the next step: Wait by Duration (e.g. 2 days), Wait Until Date, Wait by Attribute (a date field on the contact, with an offset), Wait Until API Event (until an event arrives or a timeout) and Einstein Send Time Optimization. Exit criteria are checked when a contact leaves a wait.',
    [...JB, 'wait', 'delay', 'wait by duration', 'wait until date', 'wait by attribute', 'pause between emails', 'time delay'],
    help('mc_jb_wait_activities'),
  ),
  c(
    'journey-decision-split',
    'Decision split',
    'A decision split sends each contact down the first path whose filter it matches, checked from top to bottom, using contact data or journey data; contacts matching nothing take the Remainder path. Keep paths mutually exclusive so the order does not hide mistakes.',
    [...JB, 'decision split', 'branch', 'if else in journey', 'condition', 'remainder path', 'filter criteria'],
    help('mc_jb_decision_split'),
  ),
  c(
    'journey-engagement-split',
    'Engagement split',
    'An engagement split branches on what a contact did with an earlier email in the same journey: opened, clicked (any or a specific link) or bounced — yes or no. Put a wait before it, because it evaluates as soon as the contact arrives.',
    [...JB, 'engagement split', 'opened', 'clicked', 'did not open', 'branch on open', 'follow up non openers'],
    help('mc_jb_engagement_split'),
  ),
  c(
    'journey-random-split',
    'Random split and path optimizer',
    'A random split divides contacts across 2–10 paths by percentage, for A/B tests or holdout groups. Path Optimizer does the same with a winner evaluation after a test period and then sends everyone down the winning path.',
    [...JB, 'random split', 'a/b test', 'ab test', 'holdout group', 'control group', 'path optimizer', 'percentage'],
    help('mc_jb_random_split'),
  ),
  c(
    'journey-goals',
    'Journey goals',
    'A goal is a filter on contact data that defines success (e.g. purchased). Journey Builder reports the share of contacts meeting it, and can remove contacts from the journey as soon as they meet the goal. It is evaluated as contacts move through activities.',
    [...JB, 'goal', 'conversion', 'success criteria', 'exit on goal', 'goal met'],
    help('mc_jb_journey_goals'),
  ),
  c(
    'journey-exit-criteria',
    'Exit criteria',
    'Exit criteria remove contacts who match a filter (e.g. unsubscribed, purchased) from the journey. They are evaluated each time a contact leaves a wait activity, not continuously, so a contact with no waits left is never checked.',
    [...JB, 'exit criteria', 'remove contact from journey', 'stop contacts', 'leave journey', 'exit'],
    help('mc_jb_exit_criteria'),
  ),
  c(
    'journey-versions',
    'Journey versions: editing a running journey',
    'An active journey cannot be edited in place: create a new version, change it and activate it. New entrants go into the new version; contacts already inside finish the version they entered (unless you stop that version). Pause holds contacts where they are; Stop ejects them.',
    [...JB, 'version', 'new version', 'edit active journey', 'change running journey', 'stop journey', 'pause journey'],
    help('mc_jb_journey_versions'),
  ),
  c(
    'journey-test-mode',
    'Testing a journey (Test Mode)',
    'Test Mode runs a journey with a handful of test contacts before activation: waits are shortened so you can follow each contact\'s path, and emails are really sent. It needs Re-entry anytime or Re-entry only after exiting. Validation must pass first.',
    [...JB, 'test mode', 'test journey', 'try journey', 'preview journey', 'validate'],
    help('mc_jb_test_mode'),
  ),
  c(
    'journey-email-activity',
    'Email activity in a journey',
    'The email activity sends a Content Builder email to each contact reaching it, using the journey\'s send classification, sender and delivery profiles, and the default email address setting. Contacts that are unsubscribed or held are skipped; the send is tracked in _Sent with the activity\'s object ID.',
    [...JB, 'email activity', 'send email in journey', 'journey send', 'message activity'],
    help('mc_jb_email_activity'),
  ),
  // ---------------------------------------------------------------- data model
  c(
    'data-extension',
    'Data extensions',
    'A data extension is a table in SFMC: fields with types (Text with length, Number, Decimal, Date, Boolean, EmailAddress, Phone, Locale), optional primary keys and optional data retention. They can be sendable, testable and shared across business units, and are filled by imports, queries, APIs, forms and scripts.',
    [...DM, 'data extension', 'de', 'table', 'fields', 'field types', 'create data extension'],
    help('mc_cab_data_extensions'),
  ),
  c(
    'sendable-data-extension',
    'Sendable data extensions',
    'A sendable data extension can be the audience of an email. It needs a send relationship: one of its fields (usually SubscriberKey or ContactKey) mapped to Subscriber Key in All Subscribers, plus an email address field. Without it the data extension cannot be picked for a send or as a journey entry for emails.',
    [...DM, 'sendable', 'send relationship', 'subscriber relationship', 'audience', 'use data extension for sending'],
    help('mc_cab_sendable_data_extensions'),
  ),
  c(
    'subscriber-key-vs-contact-key',
    'Subscriber key vs contact key',
    'Both name the same person: Subscriber Key is the identifier in Email Studio (All Subscribers, sends), Contact Key the identifier in Contact Builder and Journey Builder, and they are the same value. Use a stable ID (e.g. the CRM ID), not the email address, so one person can change address without becoming a new contact.',
    [...DM, 'subscriber key', 'contact key', 'subscriberkey', 'contactkey', 'unique identifier', 'contact id', 'email as key'],
    help('mc_es_subscriber_key'),
  ),
  c(
    'all-subscribers',
    'All Subscribers list',
    'All Subscribers is the master list of every email subscriber in an account, keyed by subscriber key, holding each one\'s email address and account-wide status. Every email send adds or checks recipients there, so an unsubscribe in it blocks commercial email from any audience.',
    [...DM, 'all subscribers', 'master list', 'subscriber list', 'email studio subscribers'],
    help('mc_es_all_subscribers_list'),
  ),
  c(
    'subscriber-status',
    'Subscriber statuses: active, bounced, held, unsubscribed',
    'Active can be mailed. Bounced had a recent bounce but is still tried. Held stopped receiving email after repeated bounces (by default 3 bounces over more than 15 days) until the address is fixed or reactivated. Unsubscribed has opted out of commercial email. Statuses live on All Subscribers and per list.',
    [...DM, 'status', 'held', 'bounced', 'unsubscribed', 'active', 'why not receiving', 'reactivate subscriber'],
    help('mc_es_subscriber_status'),
  ),
  c(
    'lists-vs-data-extensions',
    'Lists vs data extensions',
    'Lists are the classic subscriber model (profile attributes, simple, meant for smaller audiences: Salesforce suggests data extensions beyond about 500,000 subscribers), while data extensions are flexible tables for any volume and structure and are the norm today. Publication lists still handle per-topic opt-outs for data extension sends.',
    [...DM, 'list', 'lists', 'publication list', 'difference', 'which to use'],
    help('mc_es_lists_and_data_extensions'),
  ),
  c(
    'contact-builder',
    'Contact Builder and Data Designer',
    'Contact Builder manages contacts and their data: Data Designer links data extensions to the contact record through attribute groups (relationships on contact key or other keys), which journeys and decision splits can then read as contact data. It also hosts contact deletion and data extension management.',
    [...DM, 'contact builder', 'data designer', 'attribute group', 'relationships', 'contact data', 'audience builder'],
    help('mc_cab_contact_builder'),
  ),
  c(
    'business-units',
    'Business units',
    'An enterprise account is split into business units (child BUs) under a parent, each with its own MID, content and data; subscribers and unsubscribes can be shared or separated. Shared data extensions live in the parent and are seen by children (Ent. prefix in SQL).',
    [...DM, 'business unit', 'bu', 'mid', 'parent account', 'child business unit', 'enterprise 2.0'],
    help('mc_overview_business_units'),
  ),
  c(
    'data-retention',
    'Data retention policies',
    'A data extension can delete data automatically: individual rows after a period, all rows after a period, or the whole data extension. Set it when creating the data extension; it keeps tables small and helps privacy compliance.',
    [...DM, 'data retention', 'retention policy', 'delete old rows', 'auto delete', 'gdpr'],
    help('mc_cab_data_retention_policy'),
  ),
  // ---------------------------------------------------------------- sending
  c(
    'send-classification',
    'Send classifications: commercial vs transactional',
    'A send classification bundles a sender profile, a delivery profile and a type. Commercial (marketing) sends respect unsubscribes and must carry an unsubscribe link and physical address (CAN-SPAM). Transactional sends (receipts, password resets) still go to unsubscribed subscribers, so use them only for genuinely transactional messages.',
    [...SEND, 'send classification', 'commercial', 'transactional', 'can-spam', 'unsubscribed still receive', 'receipt email'],
    help('mc_es_send_classification'),
  ),
  c(
    'sender-profile',
    'Sender profiles',
    'A sender profile sets the From name and From address of an email, and optionally a reply-to and forwarding. It can be dynamic with AMPscript or personalization strings (e.g. the account owner\'s name). The From domain should be authenticated (SAP or a private domain) for deliverability.',
    [...SEND, 'sender profile', 'from name', 'from address', 'reply to', 'dynamic sender'],
    help('mc_es_sender_profiles'),
  ),
  c(
    'delivery-profile',
    'Delivery profiles',
    'A delivery profile sets how an email goes out: the sending IP address, the header and footer added to every email, and the physical mailing address shown in the footer. The footer usually carries the unsubscribe link required for commercial email.',
    [...SEND, 'delivery profile', 'ip address', 'header', 'footer', 'physical address'],
    help('mc_es_delivery_profiles'),
  ),
  c(
    'triggered-send',
    'Triggered sends (transactional messaging)',
    'A triggered send definition sends one email immediately to one subscriber when called by API, a CloudPage script or a form, e.g. a welcome or receipt. It must be started (Running) to accept requests; after changing the email, publish the definition so it uses the new version. Transactional Messaging API is the newer equivalent.',
    [...SEND, 'triggered send', 'transactional email', 'welcome email', 'send one email', 'publish changes', 'transactional messaging api'],
    help('mc_es_triggered_sends'),
  ),
  c(
    'preview-and-test',
    'Preview and test sends',
    'Preview and Test renders an email for a chosen subscriber or data extension row, so personalization and AMPscript can be checked, and sends test emails to test addresses or a test data extension. Test sends are marked as such in _Job.',
    [...SEND, 'preview', 'test send', 'test email', 'subscriber preview', 'check personalization'],
    help('mc_es_preview_and_test'),
  ),
  c(
    'suppression',
    'Suppression and exclusion',
    'To keep people out of a send: auto-suppression lists (account or send classification level) block addresses from every send they apply to; exclusion lists or exclusion scripts remove contacts from one send. In queries, remove them with a LEFT JOIN … IS NULL exclusion.',
    [...SEND, 'suppression list', 'exclusion list', 'exclusion script', 'do not email', 'block address'],
    help('mc_es_auto_suppression_lists'),
  ),
  // ---------------------------------------------------------------- Automation Studio
  c(
    'automation-studio',
    'Automation Studio',
    'Automation Studio runs batches of activities in steps: imports, SQL queries, file transfers, data extracts, scripts, filters, email sends and more. Activities in one step run in parallel, steps run in order, and a failed step stops the run and can notify by email.',
    [...AS, 'overview', 'steps', 'batch processing', 'etl'],
    help('mc_as_automation_studio'),
  ),
  c(
    'automation-schedule',
    'Scheduled automations',
    'A schedule starter runs an automation once or repeatedly (at most hourly) from a start date in a chosen time zone. The automation must be active; a run that is still going when the next is due is skipped.',
    [...AS, 'schedule', 'recurring', 'hourly', 'daily', 'run automatically', 'skipped run'],
    help('mc_as_schedule_an_automation'),
  ),
  c(
    'automation-file-drop',
    'File drop automations',
    'A file drop starter runs an automation when a file lands in a folder on the SFMC Enhanced FTP (SFTP), optionally only for file names matching a pattern. Pair it with a File Transfer (unzip/decrypt) and an Import activity to load data as soon as it arrives.',
    [...AS, 'file drop', 'trigger', 'sftp', 'ftp', 'file arrives', 'import on upload'],
    help('mc_as_file_drop_automations'),
  ),
  c(
    'automation-activities',
    'Automation activity types',
    'Main activities: SQL Query, Import File, File Transfer, Data Extract (export files, tracking extracts), Script (SSJS), Send Email, Filter, Data Factory Utility, Verification (checks a row count and stops the run), Wait, Refresh Group and Fire Event (journey entry).',
    [...AS, 'activities', 'query activity', 'import activity', 'data extract', 'file transfer', 'verification activity', 'filter activity'],
    help('mc_as_activities'),
  ),
  c(
    'import-activity',
    'Import activity',
    'An import activity loads a delimited file from the Enhanced FTP (or another file location) into a data extension or list with Add only, Update only, Add and update, or Overwrite. Map file columns to fields; rows with type or key errors are reported in the import results.',
    [...AS, 'import', 'load file', 'csv', 'upload data', 'file to data extension'],
    help('mc_as_import_file_activity'),
  ),
  c(
    'verification-activity',
    'Verification activity',
    'A verification activity checks a data extension\'s row count against a condition (e.g. equals 0, above 1000) and can stop the automation or send a notification, protecting the steps after it from empty or runaway data.',
    [...AS, 'verification', 'row count check', 'stop automation', 'safety check'],
    help('mc_as_verification_activity'),
  ),
  // ---------------------------------------------------------------- Content Builder
  c(
    'content-builder',
    'Content Builder',
    'Content Builder holds emails, templates, content blocks and images in folders shared across channels. Emails are built from templates with drag-and-drop blocks or as HTML; content is referenced by key or ID.',
    [...CB, 'assets', 'email templates', 'folders', 'drag and drop'],
    help('mc_ctc_content_builder'),
  ),
  c(
    'content-blocks',
    'Content blocks',
    'Blocks are reusable pieces (text, HTML, image, button, code snippet, layout, reference content). Saving a block to Content Builder and reusing it keeps headers and footers consistent; in code include one with ContentBlockByKey.',
    [...CB, 'content block', 'reusable content', 'code snippet', 'html block', 'footer block'],
    help('mc_ctc_content_blocks'),
  ),
  c(
    'dynamic-content',
    'Dynamic content',
    'A dynamic content block shows different content to different subscribers by rules on their attributes or data extension fields (e.g. language or region), with a default for everyone else. For logic beyond rule matching, use AMPscript IF blocks.',
    [...CB, 'dynamic content', 'personalized content', 'show different content', 'rules', 'conditional content'],
    help('mc_ctc_dynamic_content'),
  ),
  // ---------------------------------------------------------------- CloudPages
  c(
    'cloudpages',
    'CloudPages',
    'CloudPages hosts web pages, forms, JSON endpoints (code resources) and landing pages on SFMC domains, built in Content Builder or as HTML with AMPscript and SSJS. Publishing puts a page live; each publish can take a few minutes to reach the cache.',
    [...CP, 'web page', 'landing page', 'microsite', 'publish page', 'form page'],
    help('mc_cp_cloudpages'),
  ),
  c(
    'smart-capture',
    'Smart Capture forms',
    'Smart Capture is the drag-and-drop form block of CloudPages: it writes submissions into a data extension and can start a journey (CloudPages Smart Capture entry source). For validation or custom logic beyond it, build the form with AMPscript or SSJS.',
    [...CP, 'smart capture', 'form', 'sign up form', 'collect data', 'form submission'],
    help('mc_cp_smart_capture'),
  ),
  c(
    'code-resource',
    'Code resources (JSON, JavaScript, CSS pages)',
    'A code resource is a CloudPages item served with a non-HTML content type (JSON, JavaScript, CSS, text, RSS). With SSJS or AMPscript inside it becomes a small API endpoint, e.g. returning JSON to a web form.',
    [...CP, 'code resource', 'json endpoint', 'api endpoint', 'serve json', 'return json', 'json response', 'javascript file', 'css file'],
    help('mc_cp_code_resources'),
  ),
  c(
    'cloudpage-url-parameters',
    'Passing parameters to a CloudPage (URL parameters)',
    'Link to a CloudPage from an email with CloudPagesURL(pageId, name, value, …): the parameters are encrypted into a qs= value and read on the page with RequestParameter (AMPscript) or Request.GetQueryStringParameter (SSJS). Plain ?name=value query strings are read with QueryParameter or RequestParameter but are visible and editable by the visitor.',
    [...CP, 'url parameter', 'query string', 'RequestParameter', 'QueryParameter', 'CloudPagesURL', 'pass data to page', 'GetQueryStringParameter', 'encrypted link'],
    'https://developer.salesforce.com/docs/marketing/marketing-cloud-ampscript/references/mc-ampscript-sites/mc-ampscript-reference-sites-cloud-pages-url.html',
  ),
  // ---------------------------------------------------------------- APIs
  c(
    'installed-package',
    'Installed packages and API integrations',
    'API access starts in Setup > Apps > Installed Packages: a package with an API Integration component (server-to-server or web app) gives a client ID and secret, scopes, and the tenant-specific auth, REST and SOAP base URIs (https://<subdomain>.auth.marketingcloudapis.com). Access tokens expire after about 18 minutes.',
    ['api', 'installed package', 'client id', 'client secret', 'oauth', 'access token', 'rest api', 'soap api', 'integration'],
    dev('mc-app-development-api-integration'),
  ),
];
