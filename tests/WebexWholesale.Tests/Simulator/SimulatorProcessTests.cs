using System.Net;
using System.Net.Http.Headers;
using WebexWholesale.Tests.Support;

namespace WebexWholesale.Tests.Simulator;

public class SimulatorProcessTests
{
    [Fact]
    public async Task RateLimit_Answers429WithRetryAfter()
    {
        await using var simulator = await SimulatorProcess.StartAsync(30, "--rate-limit", "2");
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SimulatorProcess.WriteToken);

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add(await http.GetAsync(new Uri(simulator.BaseUrl, "/v1/wholesale/customers")));
        }

        var limited = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(limited);
        Assert.All(limited, a => Assert.Equal(TimeSpan.FromSeconds(1), a.Headers.RetryAfter!.Delta));
    }

    [Fact]
    public async Task FirstStdoutLine_IsTheBaseUrl()
    {
        await using var simulator = await SimulatorProcess.StartAsync();

        Assert.Equal("127.0.0.1", simulator.BaseUrl.Host);
        Assert.Equal("/v1", simulator.BaseUrl.AbsolutePath);
    }
}
