using System.Data.Common;
using System.Globalization;
using Dapper;
using PacsEdge.Dicom;
using PacsEdge.Dicom.Dictionary;
using PacsEdge.Index.Matching;
using PacsEdge.Index.Model;
using PacsEdge.Index.Schema;

namespace PacsEdge.Index.Storage;

/// <summary>
/// The write transaction of AddInstance/ReplaceInstance. Parents are upserted (INSERT ... ON CONFLICT DO UPDATE,
/// one statement, so concurrent writers of one new study never make two rows: the unique index arbitrates and
/// the loser updates the winner's row), always in the order patient, study, series, instance, so that row
/// locks are taken in one order and PostgreSQL writers cannot deadlock. The caller commits only for Added and
/// Replaced; every other outcome rolls the transaction back, leaving no trace.
/// </summary>
internal sealed class InstanceWriter(DbConnection connection, DbTransaction transaction, SqlDialect dialect, IndexOptions options)
{
    public async Task<AddInstanceResult> WriteAsync(InstanceRecord record, WriteMode mode, DateTimeOffset now)
    {
        var a = record.Attributes;
        var ts = dialect.TimestampParameter(now);

        var patientKey = await UpsertPatientAsync(record);
        var study = await connection.QuerySingleAsync<StudyKeys>(
            """
            INSERT INTO study (patient_key, study_uid, study_date, study_time, accession_number, referring_physician_name,
                               referring_physician_name_folded, study_id, study_description, timezone_offset_from_utc, created_at, updated_at)
            VALUES (@patientKey, @uid, @date, @time, @accession, @referring, @referringFolded, @studyId, @description, @tz, @ts, @ts)
            ON CONFLICT (study_uid) DO UPDATE SET
                study_date = COALESCE(excluded.study_date, study.study_date),
                study_time = COALESCE(excluded.study_time, study.study_time),
                accession_number = COALESCE(excluded.accession_number, study.accession_number),
                referring_physician_name = COALESCE(excluded.referring_physician_name, study.referring_physician_name),
                referring_physician_name_folded = COALESCE(excluded.referring_physician_name_folded, study.referring_physician_name_folded),
                study_id = COALESCE(excluded.study_id, study.study_id),
                study_description = COALESCE(excluded.study_description, study.study_description),
                timezone_offset_from_utc = COALESCE(excluded.timezone_offset_from_utc, study.timezone_offset_from_utc),
                updated_at = excluded.updated_at
            RETURNING study_key AS StudyKey, patient_key AS PatientKey
            """,
            new
            {
                patientKey, uid = record.StudyInstanceUid, date = Text(a, DicomTags.StudyDate), time = Text(a, DicomTags.StudyTime),
                accession = Text(a, DicomTags.AccessionNumber), referring = Text(a, DicomTags.ReferringPhysicianName),
                referringFolded = Folded(a, DicomTags.ReferringPhysicianName), studyId = Text(a, DicomTags.StudyID),
                description = Text(a, DicomTags.StudyDescription), tz = Text(a, DicomTags.TimezoneOffsetFromUTC), ts,
            }, transaction);
        if (study.PatientKey != patientKey)
        {
            // The study stays with the patient of its first instance (documented in README); drop a patient row made
            // just now for nothing (an instance of this study with another PatientID), with the words written for it.
            var dropped = await connection.ExecuteAsync(
                "DELETE FROM patient WHERE patient_key = @patientKey AND NOT EXISTS (SELECT 1 FROM study WHERE study.patient_key = @patientKey)",
                new { patientKey }, transaction);
            if (dropped > 0)
                await connection.ExecuteAsync("DELETE FROM person_name_word WHERE attribute = @a AND owner_key = @patientKey",
                    new { a = PersonNameWords.PatientName, patientKey }, transaction);
        }
        await ReplaceWordsAsync(PersonNameWords.ReferringPhysicianName, study.StudyKey, Text(a, DicomTags.ReferringPhysicianName));

        var series = await connection.QuerySingleAsync<SeriesKeys>(
            """
            INSERT INTO series (study_key, series_uid, modality, series_description, series_number, pps_start_date, pps_start_time, created_at, updated_at)
            VALUES (@studyKey, @uid, @modality, @description, @number, @ppsDate, @ppsTime, @ts, @ts)
            ON CONFLICT (series_uid) DO UPDATE SET
                modality = COALESCE(excluded.modality, series.modality),
                series_description = COALESCE(excluded.series_description, series.series_description),
                series_number = COALESCE(excluded.series_number, series.series_number),
                pps_start_date = COALESCE(excluded.pps_start_date, series.pps_start_date),
                pps_start_time = COALESCE(excluded.pps_start_time, series.pps_start_time),
                updated_at = excluded.updated_at
            RETURNING series_key AS SeriesKey, study_key AS StudyKey
            """,
            new
            {
                studyKey = study.StudyKey, uid = record.SeriesInstanceUid, modality = Text(a, DicomTags.Modality),
                description = Text(a, DicomTags.SeriesDescription), number = Integer(a, DicomTags.SeriesNumber),
                ppsDate = Text(a, DicomTags.PerformedProcedureStepStartDate), ppsTime = Text(a, DicomTags.PerformedProcedureStepStartTime), ts,
            }, transaction);
        if (series.StudyKey != study.StudyKey)
        {
            var existingStudy = await connection.ExecuteScalarAsync<string>(
                "SELECT study_uid FROM study WHERE study_key = @k", new { k = series.StudyKey }, transaction);
            return new AddInstanceResult(AddInstanceOutcome.HierarchyConflict, HierarchyPath.Study(existingStudy!));
        }

        var existing = await FindInstanceAsync(record.SopInstanceUid);
        if (existing is not null && existing.SeriesKey != series.SeriesKey)
            return new AddInstanceResult(AddInstanceOutcome.HierarchyConflict,
                HierarchyPath.Series(existing.StudyUid, existing.SeriesUid), existing.BlobKey);

        long instanceKey;
        AddInstanceResult result;
        if (existing is null)
        {
            var inserted = await connection.QueryFirstOrDefaultAsync<long?>(
                InsertInstanceSql + " ON CONFLICT (sop_instance_uid) DO NOTHING RETURNING instance_key",
                InstanceParameters(record, series.SeriesKey, ts), transaction);
            if (inserted is null)
                // Another writer committed the same SOP Instance UID after our look-up: judge against its row.
                return await JudgeDuplicateAsync(record, series.SeriesKey);
            instanceKey = inserted.Value;
            await connection.ExecuteAsync(
                "UPDATE series SET number_of_instances = number_of_instances + 1 WHERE series_key = @k", new { k = series.SeriesKey }, transaction);
            result = new AddInstanceResult(AddInstanceOutcome.Added);
        }
        else if (mode == WriteMode.Add)
        {
            return Judge(existing, record);
        }
        else
        {
            instanceKey = existing.InstanceKey;
            await connection.ExecuteAsync(UpdateInstanceSql, InstanceParameters(record, series.SeriesKey, ts, instanceKey), transaction);
            await connection.ExecuteAsync("DELETE FROM extra_attribute WHERE level = 3 AND owner_key = @k", new { k = instanceKey }, transaction);
            result = new AddInstanceResult(AddInstanceOutcome.Replaced, PreviousBlobKey: existing.BlobKey);
        }

        await WriteExtrasAsync(record, [study.PatientKey, study.StudyKey, series.SeriesKey, instanceKey]);
        await new HierarchyCounters(connection, transaction).RecountStudyAsync(study.StudyKey);
        return result;
    }

    private async Task<AddInstanceResult> JudgeDuplicateAsync(InstanceRecord record, long seriesKey)
    {
        var existing = await FindInstanceAsync(record.SopInstanceUid)
                       ?? throw new InvalidOperationException($"instance {record.SopInstanceUid} vanished during the write");
        if (existing.SeriesKey != seriesKey)
            return new AddInstanceResult(AddInstanceOutcome.HierarchyConflict, HierarchyPath.Series(existing.StudyUid, existing.SeriesUid), existing.BlobKey);
        // Also for a replace that lost the race to a concurrent add: judged like an add; the caller may retry.
        return Judge(existing, record);
    }

    private static AddInstanceResult Judge(ExistingInstance existing, InstanceRecord record) =>
        string.Equals(existing.Sha256, record.Sha256, StringComparison.OrdinalIgnoreCase)
            ? new AddInstanceResult(AddInstanceOutcome.AlreadyStoredIdentical, PreviousBlobKey: existing.BlobKey)
            : new AddInstanceResult(AddInstanceOutcome.Conflict, PreviousBlobKey: existing.BlobKey);

    private Task<ExistingInstance?> FindInstanceAsync(string sopInstanceUid) =>
        connection.QueryFirstOrDefaultAsync<ExistingInstance>(
            """
            SELECT i.instance_key AS InstanceKey, i.series_key AS SeriesKey, i.sha256 AS Sha256, i.blob_key AS BlobKey,
                   se.series_uid AS SeriesUid, st.study_uid AS StudyUid
            FROM instance i JOIN series se ON se.series_key = i.series_key JOIN study st ON st.study_key = se.study_key
            WHERE i.sop_instance_uid = @uid
            """, new { uid = sopInstanceUid }, transaction);

    private async Task<long> UpsertPatientAsync(InstanceRecord record)
    {
        var a = record.Attributes;
        var name = Text(a, DicomTags.PatientName);
        var key = await connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO patient (patient_id, issuer_of_patient_id, patient_name, patient_name_folded, patient_birth_date, patient_sex, study_uid)
            VALUES (@id, @issuer, @name, @folded, @birthDate, @sex, @studyUid)
            ON CONFLICT (patient_id, issuer_of_patient_id, study_uid) DO UPDATE SET
                patient_name = COALESCE(excluded.patient_name, patient.patient_name),
                patient_name_folded = COALESCE(excluded.patient_name_folded, patient.patient_name_folded),
                patient_birth_date = COALESCE(excluded.patient_birth_date, patient.patient_birth_date),
                patient_sex = COALESCE(excluded.patient_sex, patient.patient_sex)
            RETURNING patient_key
            """,
            new
            {
                // One row per study (schema 2): the patient as this study's instances describe them. PS3.4 C.6 identifies a
                // patient by PatientID + IssuerOfPatientID, but an empty ID identifies nobody, and one ID may arrive with
                // other demographics in another study; sharing a row would show one study's PatientName on another.
                id = Text(a, DicomTags.PatientID) ?? "", issuer = Text(a, DicomTags.IssuerOfPatientID) ?? "", studyUid = record.StudyInstanceUid,
                name, folded = Folded(a, DicomTags.PatientName), birthDate = Text(a, DicomTags.PatientBirthDate), sex = Text(a, DicomTags.PatientSex),
            }, transaction);
        await ReplaceWordsAsync(PersonNameWords.PatientName, key, name);
        return key;
    }

    /// <summary>Re-writes the fuzzy-match words of a name when the instance carries one (an absent name keeps the stored words).</summary>
    private async Task ReplaceWordsAsync(int attribute, long ownerKey, string? name)
    {
        if (name is null) return;
        await connection.ExecuteAsync("DELETE FROM person_name_word WHERE attribute = @attribute AND owner_key = @ownerKey",
            new { attribute, ownerKey }, transaction);
        foreach (var word in PersonNameFolding.Words(name))
            await connection.ExecuteAsync("INSERT INTO person_name_word (attribute, word, owner_key) VALUES (@attribute, @word, @ownerKey)",
                new { attribute, word, ownerKey }, transaction);
    }

    private async Task WriteExtrasAsync(InstanceRecord record, long[] ownerKeyByLevel)
    {
        foreach (var extra in options.ExtraTags)
        {
            if (!record.Attributes.TryGetValue(extra.Tag, out var value)) continue;
            await connection.ExecuteAsync(
                """
                INSERT INTO extra_attribute (level, owner_key, tag, value) VALUES (@level, @owner, @tag, @value)
                ON CONFLICT (level, owner_key, tag) DO UPDATE SET value = excluded.value
                """,
                new { level = (int)extra.Level, owner = ownerKeyByLevel[(int)extra.Level], tag = (long)extra.Tag.Value, value }, transaction);
        }
    }

    private const string InstanceColumns =
        "series_key, sop_instance_uid, sop_class_uid, instance_number, image_rows, image_columns, bits_allocated, number_of_frames, " +
        "retrieve_ae_title, transfer_syntax_uid, blob_key, size_bytes, sha256, created_at, updated_at";

    private const string InsertInstanceSql =
        $"INSERT INTO instance ({InstanceColumns}) VALUES (@seriesKey, @uid, @sopClass, @number, @rows, @columns, @bits, @frames, " +
        "@aet, @tsuid, @blob, @size, @sha, @ts, @ts)";

    private const string UpdateInstanceSql =
        "UPDATE instance SET sop_class_uid = @sopClass, instance_number = @number, image_rows = @rows, image_columns = @columns, " +
        "bits_allocated = @bits, number_of_frames = @frames, retrieve_ae_title = @aet, transfer_syntax_uid = @tsuid, blob_key = @blob, " +
        "size_bytes = @size, sha256 = @sha, updated_at = @ts WHERE instance_key = @instanceKey";

    private static object InstanceParameters(InstanceRecord r, long seriesKey, object ts, long instanceKey = 0)
    {
        var a = r.Attributes;
        return new
        {
            seriesKey, uid = r.SopInstanceUid, sopClass = Text(a, DicomTags.SOPClassUID), number = Integer(a, DicomTags.InstanceNumber),
            rows = Integer(a, DicomTags.Rows), columns = Integer(a, DicomTags.Columns), bits = Integer(a, DicomTags.BitsAllocated),
            frames = Integer(a, DicomTags.NumberOfFrames), aet = r.RetrieveAETitle, tsuid = r.TransferSyntaxUid, blob = r.BlobKey,
            size = r.SizeBytes, sha = r.Sha256.ToLowerInvariant(), ts, instanceKey,
        };
    }

    private static string? Text(IReadOnlyDictionary<DicomTag, string> a, DicomTag tag) =>
        a.TryGetValue(tag, out var v) && v.Length > 0 ? v : null;

    private static string? Folded(IReadOnlyDictionary<DicomTag, string> a, DicomTag tag) =>
        Text(a, tag) is { } v ? PersonNameFolding.Fold(v) : null;

    /// <summary>The first value of an integer attribute (IS text or US), or null when absent or not an integer.</summary>
    private static int? Integer(IReadOnlyDictionary<DicomTag, string> a, DicomTag tag) =>
        Text(a, tag) is { } v && int.TryParse(v.Split('\\')[0].Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;
}
