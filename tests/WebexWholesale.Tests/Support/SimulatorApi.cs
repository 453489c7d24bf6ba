using System.Net.Http.Headers;
using System.Text;

namespace WebexWholesale.Tests.Support;

/// <summary>A simulator process, and an HttpClient that calls its Webex API (<c>/v1/</c>) with the write token.</summary>
public sealed class SimulatorApi : IAsyncDisposable
{
    private SimulatorApi(SimulatorProcess simulator)
    {
        Simulator = simulator;
        Http = new HttpClient { BaseAddress = new Uri(simulator.BaseUrl.AbsoluteUri.TrimEnd('/') + "/") };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SimulatorProcess.WriteToken);
    }

    public SimulatorProcess Simulator { get; }

    public HttpClient Http { get; }

    public static async Task<SimulatorApi> StartAsync() => new(await SimulatorProcess.StartAsync());

    /// <summary>A JSON request body.</summary>
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Simulator.DisposeAsync();
    }
}
