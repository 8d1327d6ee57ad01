-- The application's own tables (the engine creates its ACT_* tables itself).
-- Portable between H2 and PostgreSQL; run on every start, so every statement is idempotent.

-- Gap-free counters (application numbers, certificate numbers per year). The row lock taken by
-- the increment serializes concurrent allocations until the allocating transaction commits.
CREATE TABLE IF NOT EXISTS ms_sequence (
  seq_name   VARCHAR(64) PRIMARY KEY,
  next_value BIGINT      NOT NULL
);

-- Registry of certified maker spaces (Art. 5, 11). One row per certificate, never deleted.
CREATE TABLE IF NOT EXISTS ms_certificate (
  certificate_number        VARCHAR(32)   PRIMARY KEY,
  cert_year                 INT           NOT NULL,
  cert_seq                  INT           NOT NULL,
  application_number        VARCHAR(64)   NOT NULL,
  credit_code               VARCHAR(18)   NOT NULL,
  operator_name             VARCHAR(200)  NOT NULL,
  space_name                VARCHAR(200)  NOT NULL,
  county                    VARCHAR(16)   NOT NULL,
  applicant                 VARCHAR(64),
  certified_on              DATE          NOT NULL,
  valid_until               DATE          NOT NULL,
  status                    VARCHAR(16)   NOT NULL,
  status_reason             VARCHAR(32),
  status_note               VARCHAR(2000),
  status_changed_on         DATE,
  certification_instance_id VARCHAR(64)   NOT NULL,
  CONSTRAINT uq_cert_year_seq UNIQUE (cert_year, cert_seq),
  CONSTRAINT uq_cert_application UNIQUE (application_number)
);
CREATE INDEX IF NOT EXISTS ix_cert_credit_code ON ms_certificate (credit_code);
-- Art. 2, 4, 5: a certificate belongs to one space (credit code + name + address, see registry/Space);
-- an operator may hold several. Rows written before this column are found by no space key.
ALTER TABLE ms_certificate ADD COLUMN IF NOT EXISTS space_address VARCHAR(200);
ALTER TABLE ms_certificate ADD COLUMN IF NOT EXISTS space_key VARCHAR(64);
CREATE INDEX IF NOT EXISTS ix_cert_space_key ON ms_certificate (space_key);

-- Art. 9: credit codes barred from applying after false materials.
CREATE TABLE IF NOT EXISTS ms_ban (
  source_ref   VARCHAR(64)   PRIMARY KEY,
  credit_code  VARCHAR(18)   NOT NULL,
  banned_from  DATE          NOT NULL,
  banned_until DATE          NOT NULL,
  reason       VARCHAR(2000)
);
CREATE INDEX IF NOT EXISTS ix_ban_credit_code ON ms_ban (credit_code);

-- Every application number the system issued, with the one instance it belongs to. The
-- constraints refuse a number (or a year's sequence value) issued twice, whatever the code does.
CREATE TABLE IF NOT EXISTS ms_application (
  application_number  VARCHAR(32) PRIMARY KEY,
  app_year            INT         NOT NULL,
  app_seq             INT         NOT NULL,
  process_instance_id VARCHAR(64) NOT NULL,
  issued_at           TIMESTAMP   NOT NULL,
  CONSTRAINT uq_application_year_seq UNIQUE (app_year, app_seq),
  CONSTRAINT uq_application_instance UNIQUE (process_instance_id)
);

-- At most one application in progress per space (registry/Space: credit code + name + address),
-- enforced by the primary key, so two filings for one space at the same moment cannot both pass.
-- The row belongs to one process instance and only that instance's end deletes it.
CREATE TABLE IF NOT EXISTS ms_space_application (
  space_key           VARCHAR(64) PRIMARY KEY,
  credit_code         VARCHAR(18) NOT NULL,
  application_number  VARCHAR(64) NOT NULL,
  process_instance_id VARCHAR(64)
);
-- Until 2026-12 the reservation was per credit code (ms_active_application). Its rows move over
-- under a key no space has, so they are still released by their instance's end, then the old
-- table stays empty.
CREATE TABLE IF NOT EXISTS ms_active_application (
  credit_code        VARCHAR(18) PRIMARY KEY,
  application_number VARCHAR(64) NOT NULL
);
ALTER TABLE ms_active_application ADD COLUMN IF NOT EXISTS process_instance_id VARCHAR(64);
INSERT INTO ms_space_application (space_key, credit_code, application_number, process_instance_id)
  SELECT 'legacy-' || a.credit_code, a.credit_code, a.application_number, a.process_instance_id
  FROM ms_active_application a
  WHERE NOT EXISTS (SELECT 1 FROM ms_space_application s WHERE s.space_key = 'legacy-' || a.credit_code);
DELETE FROM ms_active_application;

-- Organisation accounts (operators): one Camunda user of group operators per organisation, which
-- files and sees only the applications of its own credit code.
CREATE TABLE IF NOT EXISTS ms_organisation (
  user_id           VARCHAR(64)  PRIMARY KEY,
  credit_code       VARCHAR(18)  NOT NULL,
  organisation_name VARCHAR(200) NOT NULL,
  contact_name      VARCHAR(50)  NOT NULL,
  phone             VARCHAR(20)  NOT NULL,
  email             VARCHAR(254) NOT NULL,
  county            VARCHAR(16)  NOT NULL,
  created_by        VARCHAR(64),
  created_at        TIMESTAMP    NOT NULL,
  CONSTRAINT uq_organisation_credit_code UNIQUE (credit_code)
);

-- Art. 8–10: warnings, rectification orders and revocations of certified spaces, one row per
-- decision, never deleted (the supervision process writes them; the certificate row keeps the end).
CREATE TABLE IF NOT EXISTS ms_sanction (
  sanction_id         VARCHAR(64)   PRIMARY KEY,
  certificate_number  VARCHAR(32)   NOT NULL,
  credit_code         VARCHAR(18)   NOT NULL,
  kind                VARCHAR(16)   NOT NULL,
  cause               VARCHAR(32)   NOT NULL,
  decided_on          DATE          NOT NULL,
  recorded_at         TIMESTAMP     NOT NULL,
  reason              VARCHAR(4000),
  note                VARCHAR(4000),
  process_instance_id VARCHAR(64)   NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_sanction_certificate ON ms_sanction (certificate_number);

-- Rule administration (rules/): every version of a decision table that a release or a rule
-- administrator activated, with who, when and why. One row per (deployment, main decision key).
CREATE TABLE IF NOT EXISTS ms_rule_version (
  deployment_id          VARCHAR(64)   NOT NULL,
  decision_key           VARCHAR(128)  NOT NULL,
  version                INT           NOT NULL,
  decision_definition_id VARCHAR(128)  NOT NULL,
  source                 VARCHAR(16)   NOT NULL,
  activated_by           VARCHAR(64),
  activated_at           TIMESTAMP     NOT NULL,
  reason                 VARCHAR(2000),
  checksum               VARCHAR(64)   NOT NULL,
  rollback_of            INT,
  changed_cases          TEXT,
  CONSTRAINT pk_rule_version PRIMARY KEY (deployment_id, decision_key)
);
CREATE INDEX IF NOT EXISTS ix_rule_version_key ON ms_rule_version (decision_key);

-- The packaged (release) file of each decision key that the system last saw and accepted.
CREATE TABLE IF NOT EXISTS ms_rule_packaged (
  decision_key VARCHAR(128) PRIMARY KEY,
  checksum     VARCHAR(64)  NOT NULL,
  seen_at      TIMESTAMP    NOT NULL
);

-- A release shipped a changed table while an administrator's version is active: shown on the rule
-- page until an administrator resolves it (keep-admin or take-packaged).
CREATE TABLE IF NOT EXISTS ms_rule_conflict (
  conflict_id       VARCHAR(64)   PRIMARY KEY,
  decision_key      VARCHAR(128)  NOT NULL,
  packaged_checksum VARCHAR(64)   NOT NULL,
  admin_version     INT           NOT NULL,
  detected_at       TIMESTAMP     NOT NULL,
  message           VARCHAR(2000) NOT NULL,
  resolved_at       TIMESTAMP,
  resolved_by       VARCHAR(64),
  resolution        VARCHAR(16),
  resolution_reason VARCHAR(2000)
);
CREATE INDEX IF NOT EXISTS ix_rule_conflict_key ON ms_rule_conflict (decision_key);

-- Working-day calendar (calendar/): the years a system administrator added after the release, e.g.
-- next year's State Council notice. Every revision is kept with who, when and why; the newest one of
-- a year is used. The primary key refuses a second revision with the same number (a concurrent edit).
CREATE TABLE IF NOT EXISTS ms_calendar_year (
  cal_year  INT           NOT NULL,
  revision  INT           NOT NULL,
  entry     TEXT          NOT NULL,
  added_by  VARCHAR(64)   NOT NULL,
  added_at  TIMESTAMP     NOT NULL,
  reason    VARCHAR(2000) NOT NULL,
  CONSTRAINT pk_calendar_year PRIMARY KEY (cal_year, revision)
);

-- Real-name objections to a running public notice (POST /api/objections, Art. 5 (3)), with who,
-- when, from where and why. The ID number stays here, never in the process. replay_key (a hash of
-- notice, ID number and reasons) refuses filing the same objection twice.
CREATE TABLE IF NOT EXISTS ms_objection (
  acknowledgement_number VARCHAR(32)   PRIMARY KEY,
  application_number     VARCHAR(64)   NOT NULL,
  process_instance_id    VARCHAR(64)   NOT NULL,
  objector_name          VARCHAR(50)   NOT NULL,
  id_number              VARCHAR(18)   NOT NULL,
  phone                  VARCHAR(11)   NOT NULL,
  reasons                VARCHAR(2000) NOT NULL,
  source_address         VARCHAR(64),
  received_at            TIMESTAMP     NOT NULL,
  replay_key             VARCHAR(64)   NOT NULL,
  CONSTRAINT uq_objection_replay UNIQUE (replay_key)
);
CREATE INDEX IF NOT EXISTS ix_objection_application ON ms_objection (application_number);
-- The door's limits count recent objections per source address and per phone (ObjectionThrottle).
CREATE INDEX IF NOT EXISTS ix_objection_address ON ms_objection (source_address, received_at);
CREATE INDEX IF NOT EXISTS ix_objection_phone ON ms_objection (phone, received_at);
-- The city bureau's answer (handleObjection), which the objector looks up with the acknowledgement
-- number and the phone (/public/objections/status).
ALTER TABLE ms_objection ADD COLUMN IF NOT EXISTS handled_at TIMESTAMP;
ALTER TABLE ms_objection ADD COLUMN IF NOT EXISTS upheld BOOLEAN;
ALTER TABLE ms_objection ADD COLUMN IF NOT EXISTS finding VARCHAR(2000);
-- The objector's receipt page after the notice page's form (/public/objections/receipts/{receipt_key}):
-- a random key, so that knowing (or counting through) acknowledgement numbers opens no receipt.
ALTER TABLE ms_objection ADD COLUMN IF NOT EXISTS receipt_key VARCHAR(43);
CREATE UNIQUE INDEX IF NOT EXISTS ux_objection_receipt ON ms_objection (receipt_key);

-- False-material and violation reports of the city bureau (POST /api/false-materials-reports,
-- /api/violation-reports; Art. 9, 10): who reported what about which certified space, and when.
CREATE TABLE IF NOT EXISTS ms_supervision_report (
  report_id           VARCHAR(64)   PRIMARY KEY,
  kind                VARCHAR(16)   NOT NULL,
  certificate_number  VARCHAR(32)   NOT NULL,
  report_text         VARCHAR(2000) NOT NULL,
  reported_by         VARCHAR(64)   NOT NULL,
  reported_at         TIMESTAMP     NOT NULL,
  process_instance_id VARCHAR(64)   NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_supervision_report_certificate ON ms_supervision_report (certificate_number);

-- Statutory rules (rules/StatutoryRules: the Art. 4 thresholds, validityYears, banYears,
-- publicityWorkingDays) change only with a second rule administrator's approval: a change is
-- proposed here, then approved (and deployed) or rejected by another person. Never deleted.
CREATE TABLE IF NOT EXISTS ms_rule_proposal (
  proposal_id      VARCHAR(64)   PRIMARY KEY,
  decision_key     VARCHAR(128)  NOT NULL,
  base_version     INT,
  rollback_of      INT,
  xml              TEXT          NOT NULL,
  changed_cases    TEXT,
  status           VARCHAR(16)   NOT NULL,
  proposed_by      VARCHAR(64)   NOT NULL,
  proposed_at      TIMESTAMP     NOT NULL,
  reason           VARCHAR(2000) NOT NULL,
  decided_by       VARCHAR(64),
  decided_at       TIMESTAMP,
  decision_reason  VARCHAR(2000),
  version          INT,
  deployment_id    VARCHAR(64)
);
CREATE INDEX IF NOT EXISTS ix_rule_proposal_key ON ms_rule_proposal (decision_key);

-- Self-registration of organisation accounts (issue 16): a request waits here until its email
-- verification code is confirmed; then the account is created and the row marked consumed. Only a
-- hash of the code is kept; attempts are counted to stop guessing. Never holds a password.
CREATE TABLE IF NOT EXISTS ms_registration (
  registration_id   VARCHAR(36)  PRIMARY KEY,
  user_id           VARCHAR(64)  NOT NULL,
  credit_code       VARCHAR(18)  NOT NULL,
  organisation_name VARCHAR(200) NOT NULL,
  contact_name      VARCHAR(50)  NOT NULL,
  phone             VARCHAR(20)  NOT NULL,
  email             VARCHAR(254) NOT NULL,
  county            VARCHAR(16)  NOT NULL,
  code_hash         VARCHAR(64)  NOT NULL,
  attempts          INT          NOT NULL,
  requested_at      TIMESTAMP    NOT NULL,
  expires_at        TIMESTAMP    NOT NULL,
  consumed_at       TIMESTAMP
);
CREATE INDEX IF NOT EXISTS ix_registration_email ON ms_registration (email, requested_at);

-- Password resets by email code (issue 16), kept like registrations: a code hash, attempts, expiry.
CREATE TABLE IF NOT EXISTS ms_password_reset (
  reset_id     VARCHAR(36) PRIMARY KEY,
  user_id      VARCHAR(64) NOT NULL,
  code_hash    VARCHAR(64) NOT NULL,
  attempts     INT         NOT NULL,
  requested_at TIMESTAMP   NOT NULL,
  expires_at   TIMESTAMP   NOT NULL,
  consumed_at  TIMESTAMP
);
CREATE INDEX IF NOT EXISTS ix_password_reset_user ON ms_password_reset (user_id, requested_at);

-- The demo profile's mailbox (no mail server in the demo): every mail the application would send,
-- shown to the system administrator only. Never used outside the demo profile.
CREATE TABLE IF NOT EXISTS ms_demo_mail (
  mail_id    VARCHAR(36)   PRIMARY KEY,
  recipient  VARCHAR(254)  NOT NULL,
  subject    VARCHAR(200)  NOT NULL,
  body       VARCHAR(4000) NOT NULL,
  sent_at    TIMESTAMP     NOT NULL
);

-- Art. 8–10: one decision record per proposed revocation, sanction or ban (process
-- maker-space-sanction-hearing, record_id = its instance id): the proposal and its notice (告知),
-- the operator's statement (陈述申辩) or its absence, and the bureau leaders' decision. Never deleted.
CREATE TABLE IF NOT EXISTS ms_decision_record (
  record_id           VARCHAR(64)   PRIMARY KEY,
  case_ref            VARCHAR(32)   NOT NULL,
  credit_code         VARCHAR(18),
  kind                VARCHAR(32)   NOT NULL,
  article             VARCHAR(200)  NOT NULL,
  facts               VARCHAR(4000) NOT NULL,
  intended_decision   VARCHAR(200)  NOT NULL,
  proposed_by         VARCHAR(64)   NOT NULL,
  notice_at           TIMESTAMP     NOT NULL,
  statement_due_at    TIMESTAMP     NOT NULL,
  statement_text      VARCHAR(4000),
  statement_waived    BOOLEAN,
  statement_at        TIMESTAMP,
  leader_decision     VARCHAR(16),
  leader_comment      VARCHAR(4000),
  decided_by          VARCHAR(64),
  decided_at          TIMESTAMP
);
CREATE INDEX IF NOT EXISTS ix_decision_record_case ON ms_decision_record (case_ref);

-- Art. 8: the grade of each year's annual assessment of a certified space, written when the city
-- bureau completes annualAssessment (in its transaction). The public space page shows the grades by
-- year and the announcements name the 优秀 spaces; nothing else of the assessment is published.
CREATE TABLE IF NOT EXISTS ms_assessment_result (
  certificate_number VARCHAR(32) NOT NULL,
  report_year        INT         NOT NULL,
  grade              VARCHAR(16) NOT NULL,
  assessed_on        DATE        NOT NULL,
  CONSTRAINT pk_assessment_result PRIMARY KEY (certificate_number, report_year)
);
CREATE INDEX IF NOT EXISTS ix_assessment_result_year ON ms_assessment_result (report_year, grade);
-- Materials (issue 16, Art. 4, 5): every uploaded file with its metadata, in the application's database
-- so that every node sees the same files and a file is bound in the same transaction as its step.
-- case_number is the business key of the case (the application number, or the certificate number in
-- the supervision). A row without it is a draft of its uploader, bound to the application when it is
-- filed; submitted rows are never changed or deleted (a supplement adds a new version). The content
-- lies in ms_material_chunk, in pieces of at most 1 MiB (BYTEA on PostgreSQL; BLOB on H2, which
-- schema-h2.sql creates first), so that neither upload nor download ever holds a whole file in memory.
CREATE TABLE IF NOT EXISTS ms_material_file (
  file_id            VARCHAR(36)  PRIMARY KEY,
  case_number        VARCHAR(32),
  credit_code        VARCHAR(18)  NOT NULL,
  step               VARCHAR(16)  NOT NULL,
  material_code      VARCHAR(64)  NOT NULL,
  version            INT          NOT NULL,
  file_name          VARCHAR(200) NOT NULL,
  content_type       VARCHAR(64)  NOT NULL,
  size_bytes         BIGINT       NOT NULL,
  sha256             VARCHAR(64)  NOT NULL,
  uploaded_by        VARCHAR(64)  NOT NULL,
  uploaded_at        TIMESTAMP    NOT NULL,
  submitted          BOOLEAN      NOT NULL,
  submitted_at       TIMESTAMP
);
CREATE INDEX IF NOT EXISTS ix_material_application ON ms_material_file (case_number, material_code);
CREATE INDEX IF NOT EXISTS ix_material_draft ON ms_material_file (uploaded_by, submitted);

CREATE TABLE IF NOT EXISTS ms_material_chunk (
  file_id  VARCHAR(36) NOT NULL,
  chunk_no INT         NOT NULL,
  data     BYTEA       NOT NULL,
  CONSTRAINT pk_material_chunk PRIMARY KEY (file_id, chunk_no)
);
-- Evidence of the public's objections (Art. 5 (3)): the files sent with an objection, written in the
-- objection's transaction (publicnotice/Objections, materials/ObjectionEvidence); the content lies in
-- ms_material_chunk like the applicant's materials. Read only by the city bureau and auditors.
CREATE TABLE IF NOT EXISTS ms_objection_evidence (
  file_id                VARCHAR(36)  PRIMARY KEY,
  acknowledgement_number VARCHAR(32)  NOT NULL,
  application_number     VARCHAR(64)  NOT NULL,
  file_name              VARCHAR(200) NOT NULL,
  content_type           VARCHAR(64)  NOT NULL,
  size_bytes             BIGINT       NOT NULL,
  sha256                 VARCHAR(64)  NOT NULL,
  received_at            TIMESTAMP    NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_objection_evidence_application ON ms_objection_evidence (application_number);
-- Letters (文书, Art. 5, 8–11): every letter a step issued, with its PDF and SHA-256, written in the
-- step's transaction. Never updated or deleted (letters/LetterArchive has no such path); a correction
-- is a new letter with its own document number.
CREATE TABLE IF NOT EXISTS ms_letter (
  letter_id           VARCHAR(36)   PRIMARY KEY,
  kind                VARCHAR(32)   NOT NULL,
  document_number     VARCHAR(64)   NOT NULL UNIQUE,
  application_number  VARCHAR(64)   NOT NULL,
  certificate_number  VARCHAR(64),
  credit_code         VARCHAR(18),
  issued_on           DATE          NOT NULL,
  created_at          TIMESTAMP     NOT NULL,
  sha256              VARCHAR(64)   NOT NULL,
  pdf                 BYTEA         NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_letter_application ON ms_letter (application_number, created_at);
CREATE INDEX IF NOT EXISTS ix_letter_certificate ON ms_letter (certificate_number);
-- Organisation accounts an administrator has disabled (issue 16): one row while disabled; such an
-- account cannot log in anywhere (organisation/DisabledAccountsPlugin). Enabling deletes the row.
CREATE TABLE IF NOT EXISTS ms_organisation_disabled (
  user_id     VARCHAR(64) PRIMARY KEY,
  disabled_by VARCHAR(64) NOT NULL,
  disabled_at TIMESTAMP   NOT NULL
);
-- Notifications (docs/notifications.md): the transactional outbox. A step writes its rows in its own
-- transaction; notification/OutboxSender claims them with a lease, sends and marks them SENT. The
-- unique key lets an event reach a recipient on a channel at most once.
CREATE TABLE IF NOT EXISTS ms_outbox (
  outbox_id        VARCHAR(36)   PRIMARY KEY,
  event_key        VARCHAR(200)  NOT NULL,
  recipient        VARCHAR(254)  NOT NULL,
  channel          VARCHAR(8)    NOT NULL,
  user_id          VARCHAR(64),
  subject          VARCHAR(200)  NOT NULL,
  body             VARCHAR(4000) NOT NULL,
  status           VARCHAR(8)    NOT NULL,
  attempts         INTEGER       NOT NULL,
  next_attempt_at  TIMESTAMP     NOT NULL,
  lease_owner      VARCHAR(36),
  lease_until      TIMESTAMP,
  last_error       VARCHAR(500),
  created_at       TIMESTAMP     NOT NULL,
  sent_at          TIMESTAMP,
  CONSTRAINT uq_outbox_event_recipient_channel UNIQUE (event_key, recipient, channel)
);
CREATE INDEX IF NOT EXISTS ix_outbox_due ON ms_outbox (status, next_attempt_at);

-- The in-app inbox of applicants and staff: one row per delivered INBOX notification (inbox_id =
-- its outbox id, so that a second delivery of the same row changes nothing).
CREATE TABLE IF NOT EXISTS ms_inbox (
  inbox_id    VARCHAR(36)   PRIMARY KEY,
  user_id     VARCHAR(64)   NOT NULL,
  subject     VARCHAR(200)  NOT NULL,
  body        VARCHAR(4000) NOT NULL,
  created_at  TIMESTAMP     NOT NULL,
  read_at     TIMESTAMP
);
CREATE INDEX IF NOT EXISTS ix_inbox_user ON ms_inbox (user_id, created_at);

-- Art. 6: the service record (服务台账) a county's bureau (or the development zone's) keeps of each
-- certified space of its area: what support it gave when. Entries are never changed or deleted; a
-- mistake is corrected by a new entry naming the one it corrects (corrects_entry_id, at most one
-- correction per entry), so who wrote what and when stays visible. Attachments are materials (ms_material_file, step serviceRecord,
-- case_number = the certificate number), each bound to its entry here.
CREATE TABLE IF NOT EXISTS ms_service_entry (
  entry_id           VARCHAR(36)   PRIMARY KEY,
  certificate_number VARCHAR(32)   NOT NULL,
  served_on          DATE          NOT NULL,
  kind               VARCHAR(16)   NOT NULL,
  description        VARCHAR(2000) NOT NULL,
  corrects_entry_id  VARCHAR(36),
  recorded_by        VARCHAR(64)   NOT NULL,
  recorded_at        TIMESTAMP     NOT NULL,
  CONSTRAINT uq_service_entry_corrects UNIQUE (corrects_entry_id)
);
CREATE INDEX IF NOT EXISTS ix_service_entry_certificate ON ms_service_entry (certificate_number, served_on);

CREATE TABLE IF NOT EXISTS ms_service_attachment (
  entry_id VARCHAR(36) NOT NULL,
  file_id  VARCHAR(36) NOT NULL,
  CONSTRAINT pk_service_attachment PRIMARY KEY (entry_id, file_id),
  CONSTRAINT uq_service_attachment_file UNIQUE (file_id)
);

-- Statistics (statistics/, docs/statistics.md): the read model of the bureau's dashboard, one row per
-- certification, written by the model's own listeners in the step's transaction (filed at the start
-- event, ended at each end event) and rebuilt from the engine's history on demand
-- (statistics/StatisticsRebuild). Dates are Beijing days; condition_codes holds the failed Art. 4
-- conditions of an inspection rejection, comma-separated.
CREATE TABLE IF NOT EXISTS ms_stat_case (
  application_number  VARCHAR(64)  PRIMARY KEY,
  process_instance_id VARCHAR(64)  NOT NULL,
  county              VARCHAR(16)  NOT NULL,
  space_name          VARCHAR(200),
  credit_code         VARCHAR(18),
  filed_on            DATE         NOT NULL,
  ended_on            DATE,
  outcome             VARCHAR(16),
  reason_code         VARCHAR(32),
  condition_codes     VARCHAR(400),
  certificate_number  VARCHAR(32)
);
CREATE INDEX IF NOT EXISTS ix_stat_case_filed ON ms_stat_case (filed_on, county);
CREATE INDEX IF NOT EXISTS ix_stat_case_instance ON ms_stat_case (process_instance_id);
-- the space of a ban (statistics section bans) is found by its credit code
CREATE INDEX IF NOT EXISTS ix_stat_case_credit_code ON ms_stat_case (credit_code);
-- The completed stages of the certifications (statistics section durations): one row per user task
-- completed (ACT_HI_TASKINST.DELETE_REASON_ 'completed'; a supplement lapsed by its deadline or a task of
-- a deleted case was not done) of an instance in ms_stat_case, written from the task's own history event
-- in the step's transaction and rebuilt with ms_stat_case. duration_ms is ended_at - started_at; overdue:
-- completed after the task's due date. Filters apply through the case row (filing day, county).
CREATE TABLE IF NOT EXISTS ms_stat_stage (
  task_id             VARCHAR(64)  PRIMARY KEY,
  process_instance_id VARCHAR(64)  NOT NULL,
  stage               VARCHAR(255),
  started_at          TIMESTAMP    NOT NULL,
  ended_at            TIMESTAMP    NOT NULL,
  duration_ms         BIGINT       NOT NULL,
  overdue             BOOLEAN      NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_stat_stage_instance ON ms_stat_stage (process_instance_id);
