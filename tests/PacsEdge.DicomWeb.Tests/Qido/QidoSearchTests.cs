using System.Net;
using System.Text.Json;
using static PacsEdge.DicomWeb.Tests.Qido.QidoFixture;

namespace PacsEdge.DicomWeb.Tests.Qido;

/// <summary>QIDO-RS over real Kestrel against the fixture's studies; run on SQLite and on PostgreSQL.</summary>
public abstract class QidoSearchTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : QidoFixture
{
    private HttpClient Client => fixture.Client;

    private Task<(HttpResponseMessage Response, List<JsonElement> Results)> Get(string uri, string? accept = null) =>
        QidoJson.GetAsync(Client, "/dicom-web" + uri, accept);

    [Fact]
    public async Task The_study_search_OHIF_sends_matches_by_hex_key_and_returns_the_included_fields()
    {
        var (response, results) = await Get("/studies?limit=101&offset=0&fuzzymatching=false&includefield=00081030%2C00080060&00100020=*ABC*",
            "application/dicom+json");
        Assert.Equal("application/dicom+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal([StudyA, StudyC], results.Uids(Tags.StudyInstanceUid));
        var a = results[0];
        Assert.Equal("CT Chest", a.Value(Tags.StudyDescription));
        Assert.Equal(["CT", "SEG"], a.Values(Tags.ModalitiesInStudy).Order());
        Assert.Equal("2", a.Value(Tags.NumberOfStudyRelatedSeries));
        Assert.Equal("4", a.Value(Tags.NumberOfStudyRelatedInstances));
        Assert.Equal("Müller^Hans", a.Value(Tags.PatientName));
        Assert.Equal("ISO_IR 192", a.Value(Tags.SpecificCharacterSet));
        Assert.Equal("ONLINE", a.Value(Tags.InstanceAvailability));
        Assert.Equal($"{Client.BaseAddress!.ToString().TrimEnd('/')}/dicom-web/studies/{StudyA}", a.Value(Tags.RetrieveUrl));
        Assert.Equal("UR", a.Vr(Tags.RetrieveUrl));
        // Modality is a series attribute: a study result cannot carry it, and the server says so.
        Assert.Null(a.Value(Tags.Modality));
        Assert.Contains(response.Warnings(), w => w.StartsWith("299 ") && w.Contains("Modality"));
    }

    [Fact]
    public async Task Series_of_a_study_carry_the_series_defaults_the_study_uid_and_included_patient_fields()
    {
        var (_, results) = await Get($"/studies/{StudyA}/series?includefield=00100010");
        Assert.Equal([SeriesA1, SeriesA2], results.Uids(Tags.SeriesInstanceUid));
        Assert.All(results, r => Assert.Equal(StudyA, r.Value(Tags.StudyInstanceUid)));
        Assert.Equal("Müller^Hans", results[0].Value(Tags.PatientName));
        Assert.Equal(["CT", "SEG"], results.Select(r => r.Value(Tags.Modality)!));
        Assert.Equal(["3", "1"], results.Select(r => r.Value(Tags.NumberOfSeriesRelatedInstances)!));
        Assert.Equal("IS", results[0].Vr(Tags.SeriesNumber));
        Assert.Equal($"/dicom-web/studies/{StudyA}/series/{SeriesA1}", new Uri(results[0].Value(Tags.RetrieveUrl)!).AbsolutePath);
        // Study-level defaults are not repeated on a study's series (PS3.18 10.6.3.3.2).
        Assert.False(results[0].TryGetProperty(Tags.StudyDate, out _));
    }

    [Fact]
    public async Task Series_search_across_studies_includes_the_study_attributes()
    {
        var (_, results) = await Get("/series?Modality=CT");
        Assert.Equal([SeriesA1, SeriesC1], results.Uids(Tags.SeriesInstanceUid));
        Assert.Equal(["20200315", "20191231"], results.Select(r => r.Value(Tags.StudyDate)!));
        Assert.Equal("PAT-ABC-1", results[0].Value(Tags.PatientId));
    }

    [Fact]
    public async Task Instances_of_a_series_carry_study_and_series_uids_and_binary_numbers()
    {
        var (_, results) = await Get($"/studies/{StudyA}/series/{SeriesA1}/instances");
        Assert.Equal([$"{SeriesA1}.1", $"{SeriesA1}.2", $"{SeriesA1}.3"], results.Uids(Tags.SopInstanceUid));
        Assert.All(results, r => Assert.Equal(StudyA, r.Value(Tags.StudyInstanceUid)));
        Assert.All(results, r => Assert.Equal(SeriesA1, r.Value(Tags.SeriesInstanceUid)));
        Assert.Equal("US", results[0].Vr(Tags.Rows));
        Assert.Equal("512", results[0].Value(Tags.Rows));
        Assert.Equal(["1", "2", "3"], results.Select(r => r.Value(Tags.InstanceNumber)!));
        Assert.Equal(QidoTestInstance.SecondaryCaptureStorage, results[0].Value(Tags.SopClassUid));
        Assert.EndsWith($"/studies/{StudyA}/series/{SeriesA1}/instances/{SeriesA1}.1", results[0].Value(Tags.RetrieveUrl));
    }

    [Fact]
    public async Task Instance_search_across_studies_includes_study_and_series_attributes()
    {
        var (_, results) = await Get($"/instances?SOPInstanceUID={SeriesB1}.2");
        var only = Assert.Single(results);
        Assert.Equal("Doe^John", only.Value(Tags.PatientName));
        Assert.Equal("MR", only.Value(Tags.Modality));
        Assert.Equal(StudyB, only.Value(Tags.StudyInstanceUid));
        var (_, ofStudy) = await Get($"/studies/{StudyA}/instances?Modality=SEG");
        Assert.Equal([SeriesA2 + ".1"], ofStudy.Uids(Tags.SopInstanceUid));
    }

    [Theory]
    [InlineData("muller")]
    [InlineData("MULL")]
    [InlineData("hans")]
    [InlineData("Müller")]
    public async Task Fuzzy_matching_finds_a_name_by_the_start_of_any_component_ignoring_case_and_accents(string name)
    {
        var (_, results) = await Get($"/studies?fuzzymatching=true&PatientName={Uri.EscapeDataString(name)}");
        Assert.Equal([StudyA], results.Uids(Tags.StudyInstanceUid));
    }

    [Fact]
    public async Task Fuzzy_matching_works_on_the_referring_physician_and_apostrophes()
    {
        Assert.Equal([StudyA], (await Get("/studies?fuzzymatching=true&ReferringPhysicianName=smi")).Results.Uids(Tags.StudyInstanceUid));
        Assert.Equal([StudyC], (await Get("/studies?fuzzymatching=true&PatientName=obrien")).Results.Uids(Tags.StudyInstanceUid));
        Assert.Empty((await Get("/studies?fuzzymatching=false&PatientName=hans")).Results);
    }

    [Fact]
    public async Task Percent_encoded_wildcards_are_decoded_before_matching_and_hex_keys_equal_keywords()
    {
        var (_, byKeyword) = await Get("/studies?PatientName=DOE%2A");
        Assert.Equal([StudyB, StudyD], byKeyword.Uids(Tags.StudyInstanceUid));
        var (_, byHex) = await Get("/studies?00100010=DOE%2A");
        Assert.Equal([StudyB, StudyD], byHex.Uids(Tags.StudyInstanceUid));
        var (_, single) = await Get("/studies?PatientName=Do%3F%5EJohn");
        Assert.Equal([StudyB], single.Uids(Tags.StudyInstanceUid));
        var (_, none) = await Get("/studies?AccessionNumber=ACC00");
        Assert.Empty(none);
    }

    [Theory]
    [InlineData("StudyDate=20200315", "1")]
    [InlineData("StudyDate=20200101-20201231", "1")]
    [InlineData("StudyDate=-20200101", "3")]
    [InlineData("StudyDate=20210101-", "2,4")]
    [InlineData("StudyDate=20191231-20210601", "3,1,2")]
    [InlineData("StudyTime=080000-100000", "2")]
    [InlineData("StudyTime=2359-", "3")]
    [InlineData("PatientBirthDate=19700101", "1")]
    [InlineData("AccessionNumber=ACC00%3F", "1,2,3,4")]
    [InlineData("ModalitiesInStudy=SEG", "1")]
    [InlineData("ModalitiesInStudy=MR,US", "2,4")]
    public async Task Single_values_ranges_and_lists_match_as_PS3_4_says(string query, string studies)
    {
        var expected = studies.Split(',').Select(n => $"{Root}.{n}").Order(StringComparer.Ordinal).ToList();
        var (_, results) = await Get("/studies?" + query);
        Assert.Equal(expected, results.Uids(Tags.StudyInstanceUid).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(",")]
    [InlineData("%5C")]
    public async Task Uid_lists_are_split_at_comma_and_backslash(string separator)
    {
        var (_, results) = await Get($"/studies?StudyInstanceUID={StudyA}{separator}{StudyC}");
        Assert.Equal([StudyA, StudyC], results.Uids(Tags.StudyInstanceUid));
    }

    [Fact]
    public async Task Limit_and_offset_page_through_the_results_in_a_stable_order()
    {
        var (_, all) = await Get("/studies");
        Assert.Equal([StudyA, StudyB, StudyC, StudyD], all.Uids(Tags.StudyInstanceUid));
        var (_, first) = await Get("/studies?limit=3&offset=0");
        var (_, second) = await Get("/studies?limit=3&offset=3");
        var (_, past) = await Get("/studies?limit=3&offset=10");
        Assert.Equal([StudyA, StudyB, StudyC], first.Uids(Tags.StudyInstanceUid));
        Assert.Equal([StudyD], second.Uids(Tags.StudyInstanceUid));
        Assert.Empty(past);
    }

    [Fact]
    public async Task A_limit_above_the_maximum_is_capped_with_a_warning()
    {
        var (response, results) = await Get("/studies?limit=5000");
        Assert.Equal(4, results.Count);
        var warning = Assert.Single(response.Warnings());
        Assert.Matches("^299 127\\.0\\.0\\.1:\\d+ \".*limit=5000.*1000.*\"$", warning);
    }

    [Fact]
    public async Task Includefield_all_and_configured_extra_tags_are_returned_and_matchable()
    {
        var (_, all) = await Get($"/studies/{StudyA}/series?includefield=all");
        Assert.Equal("CHEST", all[0].Value(Tags.BodyPartExamined));
        Assert.Equal("Müller^Hans", all[0].Value(Tags.PatientName));
        Assert.Equal("20200315", all[0].Value(Tags.StudyDate));
        var (response, byExtra) = await Get("/series?BodyPartExamined=CHEST");
        Assert.Empty(response.Warnings());
        Assert.Equal([SeriesA1], byExtra.Uids(Tags.SeriesInstanceUid));
        Assert.Equal("CHEST", byExtra[0].Value(Tags.BodyPartExamined));
        var (_, repeated) = await Get("/series?includefield=BodyPartExamined&includefield=00081030,SeriesDescription&Modality=MR");
        Assert.Equal("HEAD", Assert.Single(repeated).Value(Tags.BodyPartExamined));
    }

    [Theory]
    [InlineData("/studies?Modality=CT", "Modality")]
    [InlineData("/studies?00091001=x", "00091001")]
    [InlineData("/studies?RequestAttributesSequence.RequestedProcedureID=7", "RequestAttributesSequence")]
    [InlineData("/studies?NumberOfStudyRelatedInstances=4", "NumberOfStudyRelatedInstances")]
    [InlineData("/studies?includefield=InstitutionName", "InstitutionName")]
    public async Task Keys_the_server_does_not_support_are_ignored_with_a_warning_not_silently(string uri, string named)
    {
        var (response, results) = await Get(uri);
        Assert.Equal(4, results.Count);
        Assert.Contains(response.Warnings(), w => w.StartsWith("299 ") && w.Contains(named));
    }

    [Theory]
    [InlineData("/studies?limit=abc", "limit")]
    [InlineData("/studies?limit=-1", "limit")]
    [InlineData("/studies?offset=1.5", "offset")]
    [InlineData("/studies?fuzzymatching=maybe", "fuzzymatching")]
    [InlineData("/studies?StudyDate=2020", "StudyDate")]
    [InlineData("/studies?StudyDate=20201301", "StudyDate")]
    [InlineData("/studies?StudyDate=20201231-20200101", "after its upper bound")]
    [InlineData("/studies?StudyDate=2020*", "wildcards")]
    [InlineData("/studies?StudyTime=2500", "StudyTime")]
    [InlineData("/studies?StudyInstanceUID=1.2.*", "StudyInstanceUID")]
    [InlineData("/studies?PatientNam=DOE", "PatientNam")]
    [InlineData("/studies?includefield=NoSuchKeyword", "NoSuchKeyword")]
    [InlineData("/studies?0010001=x", "0010001")]
    [InlineData("/series?SeriesNumber=abc", "SeriesNumber")]
    [InlineData("/studies?PatientID=a&PatientID=b", "PatientID")]
    [InlineData("/studies/1.2.3..4/series", "StudyInstanceUID")]
    [InlineData("/studies/..%2F..%2Fetc/series", "StudyInstanceUID")]
    public async Task Invalid_values_are_a_400_problem_naming_the_reason(string uri, string reason)
    {
        var response = await Client.GetAsync("/dicom-web" + uri);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(reason, problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/dicom-web/studies?limit=1")).StatusCode); // still serving
    }

    [Fact]
    public async Task No_match_and_an_unknown_parent_study_are_200_with_an_empty_array()
    {
        foreach (var uri in new[] { "/studies?PatientID=nobody", $"/studies/{Root}.99/series", $"/studies/{StudyA}/series/{Root}.99/instances" })
        {
            var response = await Client.GetAsync("/dicom-web" + uri);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("[]", await response.Content.ReadAsStringAsync());
        }
    }

    [Theory]
    [InlineData("application/json", "application/json")]
    [InlineData("*/*", "application/dicom+json")]
    [InlineData("application/*", "application/dicom+json")]
    [InlineData("image/png;q=0.9, application/dicom+json", "application/dicom+json")]
    public async Task Json_is_served_for_json_and_wildcard_accepts(string accept, string contentType)
    {
        var (response, results) = await Get("/studies", accept);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(4, results.Count);
    }

    [Theory]
    [InlineData("image/png")]
    [InlineData("application/dicom")]
    [InlineData("multipart/related; type=\"application/dicom\"")]
    [InlineData("application/dicom+json;q=0")]
    public async Task Nothing_acceptable_is_a_406(string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dicom-web/studies");
        request.Headers.TryAddWithoutValidation("Accept", accept);
        var response = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Fact]
    public async Task RetrieveURL_follows_the_host_the_client_addressed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/dicom-web/studies?StudyInstanceUID={StudyB}");
        request.Headers.Host = "pacs.example.org:8443";
        var response = await Client.SendAsync(request);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal($"http://pacs.example.org:8443/dicom-web/studies/{StudyB}", doc.RootElement[0].Value(Tags.RetrieveUrl));
    }
}

public sealed class SqliteQidoSearchTests(SqliteQidoFixture fixture) : QidoSearchTests<SqliteQidoFixture>(fixture);

public sealed class PostgresQidoSearchTests(PostgresQidoFixture fixture) : QidoSearchTests<PostgresQidoFixture>(fixture);
