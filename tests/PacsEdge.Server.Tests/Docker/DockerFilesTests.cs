using System.CommandLine;
using PacsEdge.Cli.Commands;
using PacsEdge.Server.Tests.Support;
using PacsEdge.Testing;

namespace PacsEdge.Server.Tests.Docker;

/// <summary>
/// Docker does not run here, so the image and compose files are read and checked against what the tests run:
/// the container's command line is parsed by the real `pacsedge` parser and then run for real (on a free
/// loopback port and a temp data directory), and its health check command is run against it.
/// </summary>
public class DockerFilesTests
{
    private const string DataVolume = "/var/lib/pacsedge";
    private static readonly Dockerfile Image = Dockerfile.Read(RepoPaths.Of("docker", "Dockerfile"));
    private static readonly Dictionary<string, object?> Compose = MiniYaml.Parse(File.ReadAllText(RepoPaths.Of("docker-compose.yml")));

    private static string[] ServeArguments => Dockerfile.ExecForm(Image.Single("CMD"));
    private static string[] HealthCheck => Dockerfile.ExecForm(Image.Single("HEALTHCHECK")[(Image.Single("HEALTHCHECK").IndexOf("CMD [", StringComparison.Ordinal) + 4)..]);
    private static Dictionary<string, object?> Service(string name) => (Dictionary<string, object?>)((Dictionary<string, object?>)Compose["services"]!)[name]!;
    private static List<string> Strings(object? list) => ((List<object?>)list!).Cast<string>().ToList();

    [Fact]
    public void Image_runs_pacsedge_serve_on_port_8080_with_data_on_the_volume()
    {
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:", Image.Single("FROM"));
        Assert.Equal(["/opt/pacsedge/pacsedge"], Dockerfile.ExecForm(Image.Single("ENTRYPOINT")));
        Assert.Equal(["serve", "--urls", "http://0.0.0.0:8080", "--data", DataVolume], ServeArguments);
        Assert.Equal("8080", Image.Single("EXPOSE"));
        Assert.Equal(DataVolume, Image.Single("VOLUME"));

        var parse = PacsEdgeCommandLine.Build().Parse(ServeArguments);
        Assert.Empty(parse.Errors);
        Assert.Equal("serve", parse.CommandResult.Command.Name);
        Assert.Equal("http://0.0.0.0:8080", parse.GetValue<string>("--urls"));
        Assert.Equal(DataVolume, parse.GetValue<string>("--data"));
    }

    [Fact]
    public void Image_runs_as_a_non_root_user_that_owns_the_data_directory()
    {
        var user = Image.Single("USER");
        Assert.NotEqual("root", user);
        Assert.NotEqual("0", user.Split(':')[0]);
        var useradd = Image.FinalStage.Single(i => i.Instruction == "RUN" && i.Arguments.Contains("useradd")).Arguments;
        Assert.Contains($"--home-dir {DataVolume} --create-home {user}", useradd);
        Assert.Contains("--uid 10001", useradd);
        Assert.True(Image.FinalStage.ToList().FindIndex(i => i.Instruction == "USER") < Image.FinalStage.ToList().FindIndex(i => i.Instruction == "VOLUME"));
    }

    [Fact]
    public void Health_check_calls_pacsedge_health_on_the_served_port()
    {
        Assert.Equal(["/opt/pacsedge/pacsedge", "health", "--url", "http://127.0.0.1:8080/health"], HealthCheck);
        var parse = PacsEdgeCommandLine.Build().Parse(HealthCheck[1..]);
        Assert.Empty(parse.Errors);
        Assert.Equal("health", parse.CommandResult.Command.Name);
        Assert.Equal(new Uri(ServeArguments[2]).Port, new Uri(HealthCheck[3]).Port);
    }

    [Fact]
    public async Task The_images_command_and_health_check_work_when_run_here()
    {
        using var temp = new TempDirectory();
        var arguments = ServeArguments.ToArray();
        arguments[Array.IndexOf(arguments, "--urls") + 1] = "http://127.0.0.1:0"; // the container's 0.0.0.0:8080, on loopback and a free port
        arguments[Array.IndexOf(arguments, "--data") + 1] = temp.Combine("var-lib-pacsedge");
        using var server = ServerProcess.Start(arguments);
        var address = new Uri(await server.WaitUntilReadyAsync());

        var check = HealthCheck[1..];
        check[2] = new UriBuilder(check[2]) { Port = address.Port }.Uri.ToString();
        var result = ExternalTool.Run("dotnet", ["exec", ServerProcess.Dll, .. check]);
        Assert.Equal(0, result.ExitCode);

        server.Signal("TERM");
        Assert.Equal(0, await server.WaitForExitAsync(TimeSpan.FromSeconds(60)));
    }

    /// <summary>The build stage's COPY sources (folders and files relative to the repository root).</summary>
    private static List<string> BuildStageCopies() =>
        Image.Instructions.SkipWhile(i => !(i.Instruction == "FROM" && i.Arguments.EndsWith(" AS build", StringComparison.Ordinal)))
            .Skip(1).TakeWhile(i => i.Instruction != "FROM")
            .Where(i => i.Instruction == "COPY" && !i.Arguments.StartsWith("--", StringComparison.Ordinal))
            .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..^1]).ToList();

    /// <summary>pacsedge's project and every project it references, transitively (paths relative to the root).</summary>
    private static HashSet<string> ProjectClosure(string project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Path.GetFullPath(RepoPaths.Of(project))]);
        while (pending.TryPop(out var path))
        {
            if (!seen.Add(Path.GetRelativePath(RepoPaths.Root, path))) continue;
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(path), "ProjectReference Include=\"([^\"]+)\""))
                pending.Push(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, m.Groups[1].Value)));
        }
        return seen;
    }

    [Fact]
    public void Build_stage_copies_every_project_pacsedge_is_built_from()
    {
        var copies = BuildStageCopies();
        var projects = ProjectClosure("server/PacsEdge.Cli/PacsEdge.Cli.csproj");
        Assert.Contains("plugins/PacsEdge.Ohif/PacsEdge.Ohif.csproj", projects); // the closure reaches the shipped plugins
        foreach (var project in projects)
            Assert.True(copies.Any(c => c.EndsWith('/') && project.StartsWith(c, StringComparison.Ordinal)), $"{project} is not copied into the build stage ({string.Join(", ", copies)})");
        foreach (var file in copies)
            Assert.True(File.Exists(RepoPaths.Of(file)) || Directory.Exists(RepoPaths.Of(file)), $"COPY {file}: no such file in the repository");
    }

    [Fact]
    public void Image_ships_OHIF_fetched_by_the_repository_script_beside_the_binary_where_the_plugin_looks()
    {
        // A stage that runs scripts/fetch-ohif.sh into a folder, with npm (a node image or an installed npm).
        var from = Image.Instructions.FindIndex(i => i.Instruction == "RUN" && i.Arguments.StartsWith("scripts/fetch-ohif.sh ", StringComparison.Ordinal));
        Assert.True(from > 0, "no stage runs scripts/fetch-ohif.sh");
        var fetched = Image.Instructions[from].Arguments.Split(' ')[1];
        var stageStart = Image.Instructions.FindLastIndex(from, i => i.Instruction == "FROM");
        var stage = Image.Instructions[stageStart].Arguments.Split(' ');
        Assert.Equal("AS", stage[^2], ignoreCase: true);
        Assert.True(stage[0].StartsWith("node:", StringComparison.Ordinal) || Image.Instructions[stageStart..from].Any(i => i.Arguments.Contains("install") && i.Arguments.Contains(" npm")),
            $"the OHIF stage ({stage[0]}) has no npm");
        Assert.Contains(Image.Instructions[stageStart..from], i => i.Instruction == "COPY" && i.Arguments == "scripts/fetch-ohif.sh scripts/");
        Assert.True(File.Exists(RepoPaths.Of("scripts", "fetch-ohif.sh")));

        // The final stage copies that folder to ohif/ beside the binary the ENTRYPOINT runs.
        var binaryDirectory = Path.GetDirectoryName(Dockerfile.ExecForm(Image.Single("ENTRYPOINT"))[0])!;
        var copy = Image.FinalStage.Single(i => i.Instruction == "COPY" && i.Arguments.StartsWith($"--from={stage[^1]} ", StringComparison.Ordinal)).Arguments.Split(' ');
        Assert.Equal(fetched, copy[1]);
        Assert.Equal(binaryDirectory + "/ohif", copy[2].TrimEnd('/'));

        // The plugin's own lookup (Plugins:Ohif:Directory unset) finds a dist laid out that way.
        using var temp = new TempDirectory();
        var bin = temp.Combine("opt", "pacsedge");
        Directory.CreateDirectory(Path.Combine(bin, "ohif"));
        File.WriteAllText(Path.Combine(bin, "ohif", "index.html"), "<html></html>");
        Assert.Equal(Path.Combine(bin, "ohif"), PacsEdge.Ohif.OhifDistribution.Locate(null, bin).Root);
    }

    [Fact]
    public void Compose_runs_the_same_command_port_volume_health_check_and_user()
    {
        var pacsedge = Service("pacsedge");
        Assert.Equal(ServeArguments, Strings(pacsedge["command"]));
        Assert.Equal(["8080:8080"], Strings(pacsedge["ports"]));
        Assert.Equal([$"pacsedge-data:{DataVolume}"], Strings(pacsedge["volumes"]));
        Assert.True(((Dictionary<string, object?>)Compose["volumes"]!).ContainsKey("pacsedge-data"));
        Assert.Equal(["CMD", .. HealthCheck], Strings(((Dictionary<string, object?>)pacsedge["healthcheck"]!)["test"]));
        Assert.Equal("10001:10001", pacsedge["user"]);
        Assert.Equal("docker/Dockerfile", ((Dictionary<string, object?>)pacsedge["build"]!)["dockerfile"]);
    }

    [Fact]
    public void Compose_has_PostgreSQL_on_a_volume_and_hands_its_connection_string_to_PacsEdge()
    {
        var postgres = Service("postgres");
        Assert.StartsWith("postgres:", (string)postgres["image"]!);
        Assert.Contains(Strings(postgres["volumes"]), v => v.EndsWith(":/var/lib/postgresql/data"));
        Assert.True(((Dictionary<string, object?>)Compose["volumes"]!).ContainsKey("postgres-data"));
        var environment = (Dictionary<string, object?>)Service("pacsedge")["environment"]!;
        var connection = (string)environment["PACSEDGE__Index__ConnectionString"]!;
        Assert.Contains("Host=postgres;", connection);
        var pg = (Dictionary<string, object?>)postgres["environment"]!;
        Assert.Contains($"Database={pg["POSTGRES_DB"]};Username={pg["POSTGRES_USER"]};Password={pg["POSTGRES_PASSWORD"]}", connection);
        Assert.Equal("service_healthy", ((Dictionary<string, object?>)((Dictionary<string, object?>)Service("pacsedge")["depends_on"]!)["postgres"]!)["condition"]);
    }

    [Theory]
    [InlineData("a:\n  - x\n b: y\n")]
    [InlineData("a: {b: c}\n")]
    [InlineData("a: [\"unterminated\"\n")]
    public void The_yaml_reader_refuses_what_it_does_not_understand(string yaml) =>
        Assert.Throws<FormatException>(() => MiniYaml.Parse(yaml));
}
