-- PacsEdge index, schema 1 (SQLite). Text columns use BINARY collation (code point order), the same
-- order as PostgreSQL's "C" collation, so range conditions behave alike on both providers.
-- Person names: *_folded (lower case, accents removed, done in C#) for single-value/wildcard matching,
-- person_name_word (one row per folded name component/word) for fuzzy prefix matching through an index.
-- Counters and ModalitiesInStudy are maintained by the writer in the same transaction as the instance row.

CREATE TABLE patient (
    patient_key          INTEGER PRIMARY KEY,
    patient_id           TEXT NOT NULL,
    issuer_of_patient_id TEXT NOT NULL,
    patient_name         TEXT,
    patient_name_folded  TEXT,
    patient_birth_date   TEXT,
    patient_sex          TEXT
);
CREATE UNIQUE INDEX ux_patient_identity ON patient (patient_id, issuer_of_patient_id);
CREATE INDEX ix_patient_name_folded ON patient (patient_name_folded);
CREATE INDEX ix_patient_birth_date ON patient (patient_birth_date);

CREATE TABLE study (
    study_key                       INTEGER PRIMARY KEY,
    patient_key                     INTEGER NOT NULL REFERENCES patient (patient_key) ON DELETE CASCADE,
    study_uid                       TEXT NOT NULL,
    study_date                      TEXT,
    study_time                      TEXT,
    accession_number                TEXT,
    referring_physician_name        TEXT,
    referring_physician_name_folded TEXT,
    study_id                        TEXT,
    study_description               TEXT,
    timezone_offset_from_utc        TEXT,
    modalities_in_study             TEXT,
    number_of_series                INTEGER NOT NULL DEFAULT 0,
    number_of_instances             INTEGER NOT NULL DEFAULT 0,
    created_at                      TEXT NOT NULL,
    updated_at                      TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_study_uid ON study (study_uid);
CREATE INDEX ix_study_patient ON study (patient_key);
CREATE INDEX ix_study_date ON study (study_date);
CREATE INDEX ix_study_accession_number ON study (accession_number);
CREATE INDEX ix_study_referring_physician_name_folded ON study (referring_physician_name_folded);
CREATE INDEX ix_study_study_id ON study (study_id);

CREATE TABLE series (
    series_key          INTEGER PRIMARY KEY,
    study_key           INTEGER NOT NULL REFERENCES study (study_key) ON DELETE CASCADE,
    series_uid          TEXT NOT NULL,
    modality            TEXT,
    series_description  TEXT,
    series_number       INTEGER,
    pps_start_date      TEXT,
    pps_start_time      TEXT,
    number_of_instances INTEGER NOT NULL DEFAULT 0,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_series_uid ON series (series_uid);
CREATE INDEX ix_series_study ON series (study_key);
CREATE INDEX ix_series_modality ON series (modality, series_key, study_key);

CREATE TABLE instance (
    instance_key        INTEGER PRIMARY KEY,
    series_key          INTEGER NOT NULL REFERENCES series (series_key) ON DELETE CASCADE,
    sop_instance_uid    TEXT NOT NULL,
    sop_class_uid       TEXT,
    instance_number     INTEGER,
    image_rows          INTEGER,
    image_columns       INTEGER,
    bits_allocated      INTEGER,
    number_of_frames    INTEGER,
    retrieve_ae_title   TEXT,
    transfer_syntax_uid TEXT NOT NULL,
    blob_key            TEXT NOT NULL,
    size_bytes          INTEGER NOT NULL,
    sha256              TEXT NOT NULL,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_instance_sop_instance_uid ON instance (sop_instance_uid);
CREATE INDEX ix_instance_series ON instance (series_key, instance_number);
CREATE INDEX ix_instance_sop_class ON instance (sop_class_uid);

-- attribute: 1 = PatientName (owner_key is patient_key), 2 = ReferringPhysicianName (owner_key is study_key).
CREATE TABLE person_name_word (
    attribute INTEGER NOT NULL,
    word      TEXT NOT NULL,
    owner_key INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_person_name_word ON person_name_word (attribute, word, owner_key);
CREATE INDEX ix_person_name_word_owner ON person_name_word (attribute, owner_key);

-- The configured extra tags. level: 0 patient, 1 study, 2 series, 3 instance; owner_key is that level's key.
CREATE TABLE extra_attribute (
    level     INTEGER NOT NULL,
    owner_key INTEGER NOT NULL,
    tag       INTEGER NOT NULL,
    value     TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_extra_attribute ON extra_attribute (level, owner_key, tag);
CREATE INDEX ix_extra_attribute_value ON extra_attribute (level, tag, value, owner_key);
