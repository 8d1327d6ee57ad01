-- H2 only (spring.sql.init.platform: h2; Spring runs it before schema.sql). The materials' content
-- as BLOB: H2 keeps a BLOB in its LOB store and the row only refers to it, so committing an upload
-- rewrites small references, not the megabytes of its chunks (which H2 serialised as one piece at
-- commit and ran out of a 256 MB heap; docs/performance.md, section 6). PostgreSQL keeps BYTEA.
CREATE TABLE IF NOT EXISTS ms_material_chunk (
  file_id  VARCHAR(36) NOT NULL,
  chunk_no INT         NOT NULL,
  data     BLOB        NOT NULL,
  CONSTRAINT pk_material_chunk PRIMARY KEY (file_id, chunk_no)
);
-- a demo database created before keeps its rows
ALTER TABLE ms_material_chunk ALTER COLUMN data SET DATA TYPE BLOB;
