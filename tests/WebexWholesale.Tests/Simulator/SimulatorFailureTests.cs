using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using WebexWholesale.Tests.Support;

namespace WebexWholesale.Tests.Simulator;

/// <summary>The simulator fails as a tool should: one clear line and exit code 2 at start, Webex-style or 400 answers after.</summary>
public sealed class SimulatorFailureTests : IDisposable
{
    private static readonly string[] Meetings = ["webex_meetings"];
    private readonly string _folder = Directory.CreateTempSubdirectory("webex-sim-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "webex-wholesale-simulator.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return (process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task ABusyPort_IsOneLine_AndExitCode2()
    {
        await using var running = await SimulatorProcess.StartAsync();

        var (code, _, stderr) = await RunAsync("--port", running.BaseUrl.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(2, code);
        Assert.Matches("^webex-wholesale-simulator: cannot listen on 127.0.0.1:[0-9]+: [^\n]*\n$", stderr);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{not json")]
    [InlineData("[1, 2]")]
    public async Task AnUnreadableStateFile_IsOneLine_AndExitCode2(string content)
    {
        var file = Path.Combine(_folder, "state.json");
        await File.WriteAllTextAsync(file, content);

        var (code, _, stderr) = await RunAsync("--port", "0", "--state-file", file);

        Assert.Equal(2, code);
        Assert.Matches("^webex-wholesale-simulator: cannot read the state file [^\n]*\n$", stderr);
    }

    [Fact]
    public async Task AStateFileThatCannotBeWrittenAnyMore_IsAWebexStyle500WithAMessage()
    {
        // Written at start; its folder then disappears (a start with an unwritable folder is refused, see above).
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "state")).FullName;
        await using var simulator = await SimulatorProcess.StartAsync(1, "--state-file", Path.Combine(folder, "state.json"));
        Directory.Delete(folder, recursive: true);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SimulatorProcess.WriteToken);

        var answer = await http.PostAsJsonAsync(new Uri(simulator.BaseUrl, "/v1/wholesale/customers"), new
        {
            provisioningId = "t", externalId = "x", packages = Meetings,
            address = new { addressLine1 = "1 Main St", city = "Springfield", country = "US" },
            customerInfo = new { name = "X", primaryEmail = "x@example.test" },
        });

        Assert.Equal(HttpStatusCode.InternalServerError, answer.StatusCode);
        var body = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;
        Assert.Contains("could not save its state", (string)body["message"]!);
        Assert.NotNull(body["trackingId"]);
    }

    [Theory]
    [InlineData("faults", """{"status": 99}""", "not an HTTP error status")]
    [InlineData("faults", """{"status": "soon"}""", "could not be converted")]
    [InlineData("settings", """{"provisioningSeconds": -1}""", "0 or more")]
    [InlineData("clock/advance", """{"seconds": -5}""", "0 or more")]
    [InlineData("settings", "not json", "bad control request")]
    public async Task TheControlApi_AnswersBadInputWith400AndAMessage(string path, string body, string says)
    {
        await using var simulator = await SimulatorProcess.StartAsync();

        var answer = await simulator.Control.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains(says, await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnUnknownV1Route_IsAWebexStyle404()
    {
        await using var simulator = await SimulatorProcess.StartAsync();
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SimulatorProcess.WriteToken);

        var answer = await http.GetAsync(new Uri(simulator.BaseUrl, "/v1/wholesale/nothing-here"));

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        var body = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;
        Assert.Contains("could not be found", (string)body["message"]!);
        Assert.StartsWith("SIMULATOR_", (string)body["trackingId"]!);
    }

    [Fact]
    public async Task AStateFileInAFolderThatDoesNotExist_IsOneLine_AndExitCode2_BeforeTheUrl()
    {
        var (code, stdout, stderr) = await RunAsync("--port", "0", "--state-file", Path.Combine(_folder, "no", "such", "dir", "state.json"));

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Matches("^webex-wholesale-simulator: cannot save the state file [^\n]*its folder must exist and be writable\\)\n$", stderr);
    }

    [Theory]
    [InlineData("--token")]
    [InlineData("--read-only-token")]
    public async Task AnEmptyToken_IsRefused(string flag)
    {
        var (code, stdout, stderr) = await RunAsync("--port", "0", flag, "");

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains($"{flag} needs a non-empty token", stderr);
    }

    [Fact]
    public async Task Help_ListsEveryRouteOfTheControlApi()
    {
        await using var app = WebexWholesale.Simulator.SimulatorApp.Build(new WebexWholesale.Simulator.SimulatorOptions(), TimeProvider.System);
        var routes = ((Microsoft.AspNetCore.Routing.IEndpointRouteBuilder)app).DataSources.SelectMany(source => source.Endpoints)
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText!.StartsWith("/_simulator/", StringComparison.Ordinal))
            .SelectMany(endpoint => endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods
                .Select(method => $"{method} {endpoint.RoutePattern.RawText!.Replace("{subscriberId}", "{id}", StringComparison.Ordinal)}"))
            .ToList();
        var (code, usage, _) = await RunAsync("--help");

        Assert.Equal(0, code);
        Assert.True(routes.Count >= 13, string.Join(", ", routes));
        Assert.All(routes, route => Assert.Matches($"{route.Split(' ')[0]} +{System.Text.RegularExpressions.Regex.Escape(route.Split(' ')[1])} ", usage));
    }
}
