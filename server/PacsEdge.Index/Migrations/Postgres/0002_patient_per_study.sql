-- Schema 2 (PostgreSQL): one patient row per study (PS3.4 C.6: Patient ID + Issuer identify a patient, and an
-- empty ID identifies nobody). Schema 1 merged every instance with the same (PatientID, Issuer) into one row,
-- so two unrelated patients without an ID shared a name, and a later study's PatientName overwrote an earlier
-- study's. Now the row holds the patient as that study's instances describe them (Orthanc answers alike);
-- patient_id keeps leading the unique index, so PatientID matching still walks an index.
-- Existing merged rows are split by copying: values that schema 1 already overwrote cannot be recovered here.

ALTER TABLE patient ADD COLUMN study_uid TEXT COLLATE "C" NOT NULL DEFAULT '';
-- The old identity (PatientID, Issuer) is no longer unique: the copies below repeat it.
DROP INDEX ux_patient_identity;

-- The row keeps its lowest study; every other study of it gets a copy.
UPDATE patient SET study_uid = (SELECT MIN(s.study_uid) FROM study s WHERE s.patient_key = patient.patient_key)
WHERE EXISTS (SELECT 1 FROM study s WHERE s.patient_key = patient.patient_key);

INSERT INTO patient (patient_id, issuer_of_patient_id, patient_name, patient_name_folded, patient_birth_date, patient_sex, study_uid)
SELECT p.patient_id, p.issuer_of_patient_id, p.patient_name, p.patient_name_folded, p.patient_birth_date, p.patient_sex, s.study_uid
FROM patient p JOIN study s ON s.patient_key = p.patient_key
WHERE s.study_uid <> p.study_uid;

CREATE INDEX tmp_patient_study_uid ON patient (study_uid);

INSERT INTO person_name_word (attribute, word, owner_key)
SELECT w.attribute, w.word, np.patient_key
FROM study s JOIN patient np ON np.study_uid = s.study_uid
JOIN person_name_word w ON w.attribute = 1 AND w.owner_key = s.patient_key
WHERE np.patient_key <> s.patient_key;

INSERT INTO extra_attribute (level, owner_key, tag, value)
SELECT 0, np.patient_key, e.tag, e.value
FROM study s JOIN patient np ON np.study_uid = s.study_uid
JOIN extra_attribute e ON e.level = 0 AND e.owner_key = s.patient_key
WHERE np.patient_key <> s.patient_key;

UPDATE study SET patient_key = np.patient_key FROM patient np WHERE np.study_uid = study.study_uid AND study.patient_key <> np.patient_key;

DROP INDEX tmp_patient_study_uid;
CREATE UNIQUE INDEX ux_patient_identity ON patient (patient_id, issuer_of_patient_id, study_uid);
