using WebexWholesale.Provider.Resources.ProviderConfig;

namespace WebexWholesale.Tests.Resources.ProviderConfig;

public class ProviderConfigurationTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Resolve_StackValuesWinOverTheEnvironment()
    {
        var (settings, missing) = ProviderConfiguration.Resolve(
            new ProviderConfigInputs { BaseUrl = "http://127.0.0.1:8080/v1", AccessToken = "stack" },
            Env(("WEBEX_ACCESS_TOKEN", "env"), ("WEBEX_BASE_URL", "https://other/v1")));

        Assert.Empty(missing);
        Assert.Equal("stack", settings!.AccessToken);
        Assert.Equal(new Uri("http://127.0.0.1:8080/v1"), settings.BaseUrl);
    }

    [Fact]
    public void Resolve_FallsBackToTheEnvironmentThenTheDefault()
    {
        var (settings, _) = ProviderConfiguration.Resolve(new ProviderConfigInputs(), Env(("WEBEX_ACCESS_TOKEN", "env")));

        Assert.Equal("env", settings!.AccessToken);
        Assert.Equal(new Uri("https://webexapis.com/v1"), settings.BaseUrl);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Resolve_WithoutAnyToken_ReportsTheMissingKey(string? environmentToken)
    {
        var (settings, missing) = ProviderConfiguration.Resolve(new ProviderConfigInputs(), Env(("WEBEX_ACCESS_TOKEN", environmentToken!)));

        Assert.Null(settings);
        Assert.Equal(["accessToken"], missing);
    }

    [Theory]
    [InlineData("webexapis.com/v1")]
    [InlineData("ftp://webexapis.com/v1")]
    [InlineData("not a url")]
    public void Validate_RejectsBaseUrlsThatAreNotAbsoluteHttp(string baseUrl)
    {
        var failure = Assert.Single(ProviderConfiguration.Validate(new ProviderConfigInputs { BaseUrl = baseUrl }));

        Assert.Equal("baseUrl", failure.Property);
        Assert.Contains("https://webexapis.com/v1", failure.Reason);
    }

    [Fact]
    public void Validate_RejectsAnEmptyToken() =>
        Assert.Equal("accessToken", Assert.Single(ProviderConfiguration.Validate(new ProviderConfigInputs { AccessToken = "" })).Property);

    [Fact]
    public void Settings_NeverPrintTheToken() =>
        Assert.DoesNotContain("s3cr3t", new ProviderSettings(new Uri("https://x/v1"), "s3cr3t", 8).ToString());
}

public class MaxConcurrentRequestsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(65)]
    public void OutOfRange_IsAFailureOnThatKey(int value) =>
        Assert.Equal("maxConcurrentRequests", Assert.Single(ProviderConfiguration.Validate(new ProviderConfigInputs { MaxConcurrentRequests = value })).Property);

    [Fact]
    public void Default_IsEight()
    {
        var (settings, _) = ProviderConfiguration.Resolve(new ProviderConfigInputs { AccessToken = "t" }, _ => null);

        Assert.Equal(8, settings!.MaxConcurrentRequests);
    }

    [Theory]
    [InlineData("http://webex.example.com/v1", true)]
    [InlineData("http://10.0.0.5/v1", true)]
    [InlineData("https://webexapis.com/v1", false)]
    [InlineData("http://127.0.0.1:43117/v1", false)]
    [InlineData("http://localhost:8080/v1", false)]
    [InlineData("http://[::1]:8080/v1", false)]
    public void PlainHttp_IsRefused_UnlessTheHostIsLoopback(string url, bool refused)
    {
        var failures = ProviderConfiguration.Validate(new ProviderConfigInputs { BaseUrl = url });

        Assert.Equal(refused, failures.Any(f => f.Property == "baseUrl" && f.Reason.Contains("unencrypted", StringComparison.Ordinal)));
    }

    [Fact]
    public void AnHttpUrlFromTheEnvironment_IsRefusedToo() =>
        Assert.Throws<ArgumentException>(() => ProviderConfiguration.Resolve(new ProviderConfigInputs { AccessToken = "t" },
            name => name == ProviderConfiguration.BaseUrlVariable ? "http://webex.example.com/v1" : null));
}
