using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using WebexWholesale.Provider.Resources.ProviderConfig;
using WebexWholesale.Provider.Webex.Http;
using WebexWholesale.Tests.Support;

namespace WebexWholesale.Tests.Webex;

/// <summary>The plugin processes of one machine pace one token as one: governors over one shared pace file.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SharedPacingTests : IDisposable
{
    private readonly FakeTimeProvider _time = FakeClock.Create();
    private readonly string _home = Directory.CreateTempSubdirectory("pulumi-home-").FullName;
    private readonly List<(string Governor, DateTimeOffset At)> _sent = [];
    private readonly Queue<HttpStatusCode> _answers = new();

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private string PaceFile => TokenPace.FileFor("https://webexapis.com/v1", "secret-token", ConfiguredProvider.PaceFolder(Variables(("PULUMI_HOME", _home)))!);

    private static Func<string, string?> Variables(params (string Name, string Value)[] set) =>
        name => set.FirstOrDefault(variable => variable.Name == name).Value;

    /// <summary>A plugin process's governor; <paramref name="shared"/> gives it the machine's pace file, else its own pace.</summary>
    private RateGovernor Governor(string name, bool shared) =>
        new(16, _time, TimeSpan.FromSeconds(60), new Answering(this, name), shared ? new SharedPacing(PaceFile, _time) : null);

    private sealed class Answering(SharedPacingTests test, string name) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (test._sent)
            {
                test._sent.Add((name, test._time.GetUtcNow()));
                var response = new HttpResponseMessage(test._answers.Count > 0 ? test._answers.Dequeue() : HttpStatusCode.OK);
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(1));
                }

                return Task.FromResult(response);
            }
        }
    }

    private static Task<HttpResponseMessage> Send(RateGovernor governor) =>
        new HttpMessageInvoker(governor, disposeHandler: false).SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://webexapis.com/v1/wholesale/customers"), CancellationToken.None);

    [Theory]
    [InlineData(true, 21)] // one burst between them (the bucket's 20 and the request that finds it full), then paced together
    [InlineData(false, 42)] // each its own burst: together twice what one token may send at once
    public async Task TwoProcesses_SendOneBurstBetweenThem_OnlyWhenTheyShareThePace(bool shared, int atOnce)
    {
        using var first = Governor("first", shared);
        using var second = Governor("second", shared);

        await _time.RunAsync(Task.WhenAll(Enumerable.Range(0, 30).SelectMany(_ => new[] { Send(first), Send(second) })), TimeSpan.FromMilliseconds(5));

        var start = _sent.Min(s => s.At);
        Assert.Equal(atOnce, _sent.Count(s => s.At == start));
    }

    [Fact]
    public async Task ALimitOneProcessLearns_PacesTheOther()
    {
        using var first = Governor("first", shared: true);
        using var second = Governor("second", shared: true);
        for (var i = 0; i < 10; i++)
        {
            await _time.RunAsync(Send(first), TimeSpan.FromMilliseconds(100));
        }

        _answers.Enqueue(HttpStatusCode.TooManyRequests);
        await _time.RunAsync(Send(first), TimeSpan.FromMilliseconds(100));
        var afterCut = _time.GetUtcNow();
        await _time.RunAsync(Send(second), TimeSpan.FromMilliseconds(100));

        Assert.True(second.Rate < RateGovernor.MaxRate, $"the second process paces at the cut rate, not {second.Rate}");
        Assert.Equal(first.Rate, second.Rate);
        Assert.True(_sent[^1].At >= afterCut + TimeSpan.FromSeconds(1) - TimeSpan.FromMilliseconds(100), "the second waits out the pause the first was asked for");
    }

    [Fact]
    public void ChangesFromManyThreads_AreNeverLost()
    {
        var stores = Enumerable.Range(0, 4).Select(_ => new SharedPacing(PaceFile, _time)).ToList();

        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            stores[i % 4].Change(state => state.WaitedSinceCut += TimeSpan.FromTicks(1)));

        Assert.Equal(400, stores[0].Change(state => state.WaitedSinceCut.Ticks));
    }

    [Fact]
    public void TheFile_IsNamedByAHash_UnderPulumiHome_AndNeverHoldsTheToken()
    {
        new SharedPacing(PaceFile, _time).Change(state => state.CutRate = 7);

        Assert.StartsWith(Path.Combine(_home, "webex-wholesale", "rate"), PaceFile, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", PaceFile, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token", Encoding.Latin1.GetString(File.ReadAllBytes(PaceFile)), StringComparison.Ordinal);
        var folder = Path.GetDirectoryName(PaceFile)!;
        Assert.NotEqual(PaceFile, TokenPace.FileFor("https://webexapis.com/v1", "another-token", folder));
        Assert.NotEqual(PaceFile, TokenPace.FileFor("http://127.0.0.1:4000/v1", "secret-token", folder));
        Assert.Equal(PaceFile, TokenPace.FileFor("https://webexapis.com/v1/", "secret-token", folder));
        Assert.Equal(Path.Combine(_home, ".pulumi", "webex-wholesale", "rate"), ConfiguredProvider.PaceFolder(Variables(("HOME", _home)))); // as the CLI: ~/.pulumi
        Assert.Null(ConfiguredProvider.PaceFolder(Variables()));
    }

    [Fact]
    public void APaceNotWrittenForAMinute_IsForgotten_AndAFileThatIsNotAPace_IsAFreshStart()
    {
        var store = new SharedPacing(PaceFile, _time);
        store.Change(state => state.CutRate = 7);
        Assert.Equal(7, store.Change(state => state.CutRate));

        _time.Advance(SharedPacing.ForgetAfter + TimeSpan.FromSeconds(1));
        Assert.Equal(RateGovernor.MaxRate, store.Change(state => state.CutRate));

        File.WriteAllText(PaceFile, "not a pace at all, and long enough to be read as one if it were not checked");
        Assert.Equal(RateGovernor.MaxRate, store.Change(state => state.CutRate));

        File.WriteAllBytes(PaceFile, new byte[50_000_000]); // far larger than a pace: not read, replaced
        Assert.Equal(RateGovernor.MaxRate, store.Change(state => state.CutRate));
        Assert.True(new FileInfo(PaceFile).Length < 2048);
    }

    [Fact]
    public void AFolderThatCannotBeUsed_PacesAlone_SayingSoOnce()
    {
        var blocked = Path.Combine(_home, "blocked");
        File.WriteAllText(blocked, "a file where the folder should be");
        var said = new List<string>();
        var store = new SharedPacing(Path.Combine(blocked, "webex-wholesale", "rate", "key"), _time, said.Add);

        store.Change(state => state.CutRate = 7);

        Assert.Equal(7, store.Change(state => state.CutRate));
        Assert.Single(said);
        Assert.StartsWith("the rate limit is paced by this process alone: the shared pace file", said[0], StringComparison.Ordinal);
    }
}
