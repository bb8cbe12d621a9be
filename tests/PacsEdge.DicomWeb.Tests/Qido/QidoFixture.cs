using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PacsEdge.Plugins;

namespace PacsEdge.DicomWeb.Tests.Qido;

/// <summary>
/// One server (real Kestrel, real index) with a known set of studies, stored through IStoreService, shared by the
/// tests of a class. Index:ExtraTags adds BodyPartExamined at the series level. The PostgreSQL variant runs the very
/// same tests with Index:Provider=postgres in a fresh schema of the server PACSEDGE_TEST_POSTGRES names.
/// </summary>
public abstract class QidoFixture : IAsyncLifetime
{
    public const string Root = "1.2.826.0.1.3680043.9.7001";
    public static readonly string StudyA = Root + ".1", SeriesA1 = Root + ".1.1", SeriesA2 = Root + ".1.2";
    public static readonly string StudyB = Root + ".2", SeriesB1 = Root + ".2.1";
    public static readonly string StudyC = Root + ".3", SeriesC1 = Root + ".3.1";
    public static readonly string StudyD = Root + ".4", SeriesD1 = Root + ".4.1";

    public InProcessServer Server { get; private set; } = null!;
    public HttpClient Client => Server.Client;

    /// <summary>Every generated instance, in store order.</summary>
    public static IReadOnlyList<QidoTestInstance> Instances { get; } = BuildInstances();

    protected virtual Task<Dictionary<string, string?>> ProviderOverridesAsync() => Task.FromResult(new Dictionary<string, string?>());

    public async Task InitializeAsync()
    {
        var overrides = await ProviderOverridesAsync();
        overrides["Index:ExtraTags:0:Tag"] = "BodyPartExamined";
        overrides["Index:ExtraTags:0:Level"] = "Series";
        Server = await InProcessServer.StartAsync(overrides: overrides);
        await Server.WaitUntilReadyAsync();
        var store = Server.App.Services.GetRequiredService<IStoreService>();
        foreach (var instance in Instances)
        {
            var result = await store.StoreAsync(new MemoryStream(instance.ToBytes()), new StoreRequest { Source = "qido-test" });
            Assert.True(result.Status == StoreStatus.Stored, $"{instance.Sop}: {result.Status} {result.Reason}");
        }
    }

    public virtual async Task DisposeAsync() => await Server.DisposeAsync();

    private static List<QidoTestInstance> BuildInstances()
    {
        var list = new List<QidoTestInstance>();
        var a = new QidoTestInstance(StudyA, SeriesA1, "")
        {
            PatientName = "Müller^Hans", PatientId = "PAT-ABC-1", BirthDate = "19700101", Sex = "M", StudyDate = "20200315",
            StudyTime = "101500", Accession = "ACC001", StudyDescription = "CT Chest", ReferringPhysician = "Smith^John",
            Modality = "CT", SeriesDescription = "Axial", BodyPart = "CHEST",
        };
        for (var i = 1; i <= 3; i++) list.Add(a with { Sop = $"{SeriesA1}.{i}", InstanceNumber = i, Rows = 512, Columns = 256 });
        list.Add(a with { Series = SeriesA2, Sop = SeriesA2 + ".1", Modality = "SEG", SeriesNumber = 2, SeriesDescription = "Segmentation", BodyPart = null });
        var b = new QidoTestInstance(StudyB, SeriesB1, "")
        {
            PatientName = "Doe^John", PatientId = "XYZ-2", StudyDate = "20210601", StudyTime = "083000", Accession = "ACC002",
            StudyDescription = "MR Brain", ReferringPhysician = "Jones^Ann", Modality = "MR", BodyPart = "HEAD",
        };
        for (var i = 1; i <= 2; i++) list.Add(b with { Sop = $"{SeriesB1}.{i}", InstanceNumber = i });
        list.Add(new QidoTestInstance(StudyC, SeriesC1, SeriesC1 + ".1")
        {
            PatientName = "O'Brien^Mary", PatientId = "ABC-3", StudyDate = "20191231", StudyTime = "235959", Accession = "ACC003",
            StudyDescription = "CT Abdomen", Modality = "CT",
        });
        list.Add(new QidoTestInstance(StudyD, SeriesD1, SeriesD1 + ".1")
        {
            PatientName = "Doeling^Eva", PatientId = "QRS-4", StudyDate = "20220101", Accession = "ACC004", Modality = "US",
        });
        return list;
    }
}

public sealed class SqliteQidoFixture : QidoFixture;

public sealed class PostgresQidoFixture : QidoFixture
{
    private readonly string _baseConnection = Environment.GetEnvironmentVariable("PACSEDGE_TEST_POSTGRES") is { Length: > 0 } cs
        ? cs : throw new InvalidOperationException("PACSEDGE_TEST_POSTGRES is not set: run ./test.sh or eval \"$(scripts/test-postgres.sh start)\"");
    private readonly string _schema = "q_" + Guid.NewGuid().ToString("N");

    protected override async Task<Dictionary<string, string?>> ProviderOverridesAsync()
    {
        await using (var connection = new NpgsqlConnection(_baseConnection))
        {
            await connection.OpenAsync();
            await new NpgsqlCommand($"CREATE SCHEMA {_schema}", connection).ExecuteNonQueryAsync();
        }
        return new Dictionary<string, string?>
        {
            ["Index:Provider"] = "postgres",
            ["Index:ConnectionString"] = new NpgsqlConnectionStringBuilder(_baseConnection) { SearchPath = _schema }.ToString(),
        };
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await using var connection = new NpgsqlConnection(_baseConnection);
        await connection.OpenAsync();
        await new NpgsqlCommand($"DROP SCHEMA {_schema} CASCADE", connection).ExecuteNonQueryAsync();
    }
}
