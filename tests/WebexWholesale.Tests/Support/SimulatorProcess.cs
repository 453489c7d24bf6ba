using System.Diagnostics;
using System.Net.Http.Json;

namespace WebexWholesale.Tests.Support;

/// <summary>
/// The simulator started as its own process, as users and CI run it: the test reads the base URL from its first stdout
/// line and drives it over loopback. Disposing stops it.
/// </summary>
public sealed class SimulatorProcess : IAsyncDisposable
{
    public const string WriteToken = "dev-token";
    public const string ReadOnlyToken = "read-only-token";

    private readonly Process _process;

    private SimulatorProcess(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
        Control = new HttpClient { BaseAddress = new Uri(baseUrl, "/_simulator/") };
    }

    public Uri BaseUrl { get; }

    /// <summary>Client of the control API (<c>/_simulator/</c>).</summary>
    public HttpClient Control { get; }

    public static async Task<SimulatorProcess> StartAsync(double provisioningSeconds = 30, params string[] extraArgs)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     Path.Combine(AppContext.BaseDirectory, "webex-wholesale-simulator.dll"), "--port", "0", "--token", WriteToken,
                     "--read-only-token", ReadOnlyToken, "--provisioning-seconds",
                     provisioningSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                 }.Concat(extraArgs))
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (line is null || !Uri.TryCreate(line, UriKind.Absolute, out var baseUrl))
        {
            process.Kill();
            throw new InvalidOperationException($"the simulator printed '{line}' instead of its base URL");
        }

        return new SimulatorProcess(process, baseUrl);
    }

    public Task QueueFaultAsync(object fault) => Control.PostAsJsonAsync("faults", fault);

    /// <summary>Moves the simulator's clock: pending provisions, updates and removals due by then complete.</summary>
    public Task AdvanceAsync(double seconds) => Control.PostAsJsonAsync("clock/advance", new { seconds });

    public async Task<List<RequestSeen>> RequestsAsync() => (await Control.GetFromJsonAsync<List<RequestSeen>>("requests"))!;

    public async Task<List<CustomerSeen>> CustomersAsync() => (await Control.GetFromJsonAsync<List<CustomerSeen>>("customers"))!;

    public async ValueTask DisposeAsync()
    {
        Control.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    public sealed record RequestSeen(string Method, string Path, string? TrackingId, int Status);

    public sealed record CustomerSeen(string Id, string? ExternalId, string Status);
}
