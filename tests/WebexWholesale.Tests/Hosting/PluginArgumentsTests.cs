using WebexWholesale.Provider.Hosting;

namespace WebexWholesale.Tests.Hosting;

public class PluginArgumentsTests
{
    [Fact]
    public void EngineAddress_AfterEveryLoggingFlagTheEngineSends()
    {
        var sut = PluginArguments.Parse(["--logtostderr", "-v=9", "--logflow", "--tracing", "http://collector:4317", "127.0.0.1:5000"]);

        Assert.Equal("127.0.0.1:5000", sut.EngineAddress);
        Assert.Equal(9, sut.Verbosity);
    }

    [Fact]
    public void TracingWithEquals_IsOneArgument() =>
        Assert.Equal("127.0.0.1:1", PluginArguments.Parse(["--tracing=x", "127.0.0.1:1"]).EngineAddress);

    [Fact]
    public void NoArguments_IsAttachMode() => Assert.Null(PluginArguments.Parse([]).EngineAddress);

    [Fact]
    public void TwoAddresses_AreRejectedWithUsage()
    {
        var error = Assert.Throws<ArgumentException>(() => PluginArguments.Parse(["a:1", "b:2"]));

        Assert.Contains("usage:", error.Message);
    }

    [Fact]
    public void UnknownOption_IsRejected() => Assert.Throws<ArgumentException>(() => PluginArguments.Parse(["--frobnicate", "a:1"]));

    [Fact]
    public void Help_IsRecognised() => Assert.True(PluginArguments.Parse(["--help"]).ShowHelp);

    [Fact]
    public void Version_IsRecognised_WhateverFollows() => Assert.True(PluginArguments.Parse(["--version", "a:1"]).ShowVersion);
}
