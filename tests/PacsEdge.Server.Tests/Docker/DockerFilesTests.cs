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
