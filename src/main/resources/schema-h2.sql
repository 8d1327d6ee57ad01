-- H2 only (spring.sql.init.platform: h2; after schema.sql). The materials' content as BLOB: H2 keeps
-- a BLOB in its LOB store and the row only refers to it, so committing an upload rewrites small
-- references, not the megabytes of its chunks (which H2 serialised as one piece at commit and ran
-- out of a 256 MB heap; docs/performance.md, section 6). PostgreSQL keeps BYTEA.
ALTER TABLE ms_material_chunk ALTER COLUMN data SET DATA TYPE BLOB;
