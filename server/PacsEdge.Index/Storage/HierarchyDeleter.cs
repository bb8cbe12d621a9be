using System.Data.Common;
using Dapper;
using PacsEdge.Index.Model;
using PacsEdge.Index.Schema;

namespace PacsEdge.Index.Storage;

/// <summary>
/// Deletes a study, a series or an instance in one transaction: collects the blob keys, removes the instance
/// rows and their extra attributes, then prunes what became empty (series, study, patient, with their words and
/// extras) and recounts the study. The caller deletes the blobs after the commit.
/// </summary>
internal sealed class HierarchyDeleter(DbConnection connection, DbTransaction transaction)
{
    public async Task<IReadOnlyList<string>> DeleteAsync(HierarchyPath target)
    {
        var keys = await connection.QueryFirstOrDefaultAsync<StudyKeys>(
            "SELECT study_key AS StudyKey, patient_key AS PatientKey FROM study WHERE study_uid = @uid",
            new { uid = target.StudyInstanceUid }, transaction);
        if (keys is null) return [];
        long? studyKey = keys.StudyKey;
        // Lock patient, then study, before touching series or instances: the order the writer takes them in,
        // so a delete and an add on one study wait for each other instead of deadlocking (PostgreSQL).
        await connection.ExecuteAsync("UPDATE patient SET patient_id = patient_id WHERE patient_key = @k", new { k = keys.PatientKey }, transaction);
        await connection.ExecuteAsync("UPDATE study SET updated_at = updated_at WHERE study_key = @k", new { k = keys.StudyKey }, transaction);

        long? seriesKey = null;
        if (target.SeriesInstanceUid is { } seriesUid)
        {
            seriesKey = await connection.QueryFirstOrDefaultAsync<long?>(
                "SELECT series_key FROM series WHERE series_uid = @uid AND study_key = @studyKey", new { uid = seriesUid, studyKey }, transaction);
            if (seriesKey is null) return [];
        }

        // Which instance rows go: one, those of a series, or those of the study's series.
        string filter;
        object parameters;
        if (target.SopInstanceUid is { } sopUid)
        {
            if (seriesKey is null) throw new ArgumentException("an instance path needs its series", nameof(target));
            filter = "series_key = @seriesKey AND sop_instance_uid = @sopUid";
            parameters = new { seriesKey, sopUid, studyKey };
        }
        else if (seriesKey is not null)
        {
            filter = "series_key = @seriesKey";
            parameters = new { seriesKey, studyKey };
        }
        else
        {
            filter = "series_key IN (SELECT series_key FROM series WHERE study_key = @studyKey)";
            parameters = new { studyKey };
        }

        var blobKeys = (await connection.QueryAsync<string>($"SELECT blob_key FROM instance WHERE {filter}", parameters, transaction)).ToList();
        if (blobKeys.Count == 0) return [];
        await connection.ExecuteAsync(
            $"DELETE FROM extra_attribute WHERE level = 3 AND owner_key IN (SELECT instance_key FROM instance WHERE {filter})", parameters, transaction);
        await connection.ExecuteAsync($"DELETE FROM instance WHERE {filter}", parameters, transaction);

        var counters = new HierarchyCounters(connection, transaction);
        await counters.RecountSeriesAsync(studyKey.Value);
        await connection.ExecuteAsync(
            "DELETE FROM extra_attribute WHERE level = 2 AND owner_key IN (SELECT series_key FROM series WHERE study_key = @studyKey AND number_of_instances = 0)",
            new { studyKey }, transaction);
        await connection.ExecuteAsync("DELETE FROM series WHERE study_key = @studyKey AND number_of_instances = 0", new { studyKey }, transaction);
        await counters.RecountStudyAsync(studyKey.Value);
        await PruneEmptyStudyAsync(studyKey.Value);
        return blobKeys;
    }

    private async Task PruneEmptyStudyAsync(long studyKey)
    {
        var patientKey = await connection.QuerySingleAsync<long>(
            "SELECT patient_key FROM study WHERE study_key = @studyKey", new { studyKey }, transaction);
        var remaining = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM series WHERE study_key = @studyKey", new { studyKey }, transaction);
        if (remaining > 0) return;
        await connection.ExecuteAsync("DELETE FROM extra_attribute WHERE level = 1 AND owner_key = @studyKey", new { studyKey }, transaction);
        await connection.ExecuteAsync("DELETE FROM person_name_word WHERE attribute = @a AND owner_key = @studyKey",
            new { a = PersonNameWords.ReferringPhysicianName, studyKey }, transaction);
        await connection.ExecuteAsync("DELETE FROM study WHERE study_key = @studyKey", new { studyKey }, transaction);

        var studies = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM study WHERE patient_key = @patientKey", new { patientKey }, transaction);
        if (studies > 0) return;
        await connection.ExecuteAsync("DELETE FROM extra_attribute WHERE level = 0 AND owner_key = @patientKey", new { patientKey }, transaction);
        await connection.ExecuteAsync("DELETE FROM person_name_word WHERE attribute = @a AND owner_key = @patientKey",
            new { a = PersonNameWords.PatientName, patientKey }, transaction);
        await connection.ExecuteAsync("DELETE FROM patient WHERE patient_key = @patientKey", new { patientKey }, transaction);
    }
}
