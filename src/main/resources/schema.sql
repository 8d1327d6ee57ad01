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

-- Art. 9: credit codes barred from applying after false materials.
CREATE TABLE IF NOT EXISTS ms_ban (
  source_ref   VARCHAR(64)   PRIMARY KEY,
  credit_code  VARCHAR(18)   NOT NULL,
  banned_from  DATE          NOT NULL,
  banned_until DATE          NOT NULL,
  reason       VARCHAR(2000)
);
CREATE INDEX IF NOT EXISTS ix_ban_credit_code ON ms_ban (credit_code);

-- At most one application in progress per credit code, enforced by the primary key.
CREATE TABLE IF NOT EXISTS ms_active_application (
  credit_code        VARCHAR(18) PRIMARY KEY,
  application_number VARCHAR(64) NOT NULL
);
