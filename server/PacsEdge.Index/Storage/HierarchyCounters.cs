using System.Data.Common;
using Dapper;

namespace PacsEdge.Index.Storage;

/// <summary>
/// Keeps the stored counters right inside the write transaction (chosen over computing them per query so that
/// a study search at 100k instances reads one row per study): NumberOfSeriesRelatedInstances is incremented on
/// add and recounted on delete; a study's NumberOfStudyRelatedSeries/Instances and ModalitiesInStudy are
/// recomputed from its series rows (a handful per study, found through ix_series_study) after every change.
/// </summary>
internal sealed class HierarchyCounters(DbConnection connection, DbTransaction transaction)
{
    public async Task RecountStudyAsync(long studyKey)
    {
        var modalities = (await connection.QueryAsync<string>(
            "SELECT DISTINCT modality FROM series WHERE study_key = @studyKey AND modality IS NOT NULL ORDER BY modality",
            new { studyKey }, transaction)).ToList();
        await connection.ExecuteAsync(
            """
            UPDATE study SET
                number_of_series = (SELECT COUNT(*) FROM series WHERE series.study_key = study.study_key),
                number_of_instances = (SELECT COALESCE(SUM(series.number_of_instances), 0) FROM series WHERE series.study_key = study.study_key),
                modalities_in_study = @modalities
            WHERE study_key = @studyKey
            """,
            new { studyKey, modalities = modalities.Count > 0 ? string.Join('\\', modalities) : null }, transaction);
    }

    public Task RecountSeriesAsync(long studyKey) =>
        connection.ExecuteAsync(
            """
            UPDATE series SET number_of_instances = (SELECT COUNT(*) FROM instance WHERE instance.series_key = series.series_key)
            WHERE study_key = @studyKey
            """, new { studyKey }, transaction);
}
