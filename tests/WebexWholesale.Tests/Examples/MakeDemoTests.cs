using System.Diagnostics;
using WebexWholesale.Tests.Support;

namespace WebexWholesale.Tests.Examples;

/// <summary>
/// `make demo` on a machine that lacks something says what, all of it in one message and before anything is built:
/// run with a PATH that holds only the tools named (through links in a folder of its own).
/// </summary>
public sealed class MakeDemoTests : IDisposable
{
    private readonly string _bin = Directory.CreateTempSubdirectory("make-demo-path-").FullName;

    public void Dispose() => Directory.Delete(_bin, recursive: true);

    private async Task<(int Code, string Stdout, string Stderr)> MakeDemoWithAsync(params string[] tools)
    {
        foreach (var tool in tools.Concat(["make", "bash", "env", "sh"]).Distinct())
        {
            if (Which(tool) is { } path)
            {
                File.CreateSymbolicLink(Path.Combine(_bin, tool), path);
            }
        }

        var start = new ProcessStartInfo("make") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryPaths.Root };
        start.ArgumentList.Add("--no-print-directory");
        start.ArgumentList.Add("demo");
        start.Environment["PATH"] = _bin;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await stdout, await stderr);
    }

    private static string? Which(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(dir => Path.Combine(dir, tool)).FirstOrDefault(File.Exists);

    [Fact]
    public async Task WithoutThePulumiCli_SaysSo_BeforeAnyBuild()
    {
        // Fast because nothing is built before the message (asserted below), not because of a clock: a timed
        // assertion here failed only on a loaded machine.
        var (code, stdout, stderr) = await MakeDemoWithAsync("dotnet", "node", "npm", "clang", "dpkg");

        Assert.NotEqual(0, code);
        Assert.Contains("make demo: this machine lacks what it needs; nothing was built. Install:", stderr);
        Assert.Contains("the Pulumi CLI (3.74 or newer)", stderr);
        Assert.DoesNotContain("building", stdout + stderr);
    }

    [Fact]
    public async Task OnABareMachine_EveryMissingToolIsInTheOneMessage()
    {
        var (code, _, stderr) = await MakeDemoWithAsync();

        Assert.NotEqual(0, code);
        foreach (var tool in new[] { "the Pulumi CLI", "the .NET 10 SDK", "Node.js 20", "clang" })
        {
            Assert.Contains(tool, stderr);
        }

        Assert.Single(stderr.Split('\n'), line => line.StartsWith("make demo: this machine lacks", StringComparison.Ordinal));
    }
}
