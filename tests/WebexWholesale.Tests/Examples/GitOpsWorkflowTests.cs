using WebexWholesale.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace WebexWholesale.Tests.Examples;

/// <summary>The GitOps workflows run as copied: every Pulumi job installs the plugin, the offline job builds the
/// simulator and waits for it, stack names name the project a user copies, and deploy and drift check never overlap.</summary>
public class GitOpsWorkflowTests
{
    private static readonly string Workflows = Path.Combine(RepositoryPaths.Root, "examples", "gitops", ".github", "workflows");

    private static YamlMappingNode Load(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Workflows, file));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string Scalar(YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            node = ((YamlMappingNode)node).Children[new YamlScalarNode(key)];
        }

        return ((YamlScalarNode)node).Value!;
    }

    private static IEnumerable<(string Job, YamlSequenceNode Steps)> Jobs(YamlMappingNode workflow) =>
        ((YamlMappingNode)workflow.Children[new YamlScalarNode("jobs")]).Children
            .Select(job => (((YamlScalarNode)job.Key).Value!, (YamlSequenceNode)((YamlMappingNode)job.Value).Children[new YamlScalarNode("steps")]));

    private static string? Field(YamlNode step, string key) =>
        step is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;

    private static readonly string[] PulumiCommands = ["pulumi up", "pulumi preview", "pulumi stack"];

    public static TheoryData<string> Files => ["deploy.yml", "drift-check.yml"];

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryJobThatRunsPulumi_InstallsThePluginFirst(string file)
    {
        foreach (var (job, steps) in Jobs(Load(file)))
        {
            var list = steps.Children.ToList();
            var install = list.FindIndex(step => Field(step, "run")?.Contains("pulumi plugin install resource webex-wholesale", StringComparison.Ordinal) == true);
            var firstUse = list.FindIndex(step => PulumiCommands.Any(command => Field(step, "run")?.Contains(command, StringComparison.Ordinal) == true) ||
                                                   (step is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode("with"), out var with) && Field(with, "command") is not null &&
                                                    Field(step, "uses")?.StartsWith("pulumi/actions", StringComparison.Ordinal) == true));
            Assert.True(firstUse >= 0, $"{file}:{job} runs no Pulumi command");
            Assert.True(install >= 0 && install < firstUse, $"{file}:{job} uses the plugin before installing it");
        }
    }

    [Fact]
    public void TheOfflineJob_BuildsTheSimulator_ReadsItsUrlAndWaitsUntilItAnswers()
    {
        var steps = Jobs(Load("deploy.yml")).Single(job => job.Job == "offline-test").Steps.Children;
        var runs = string.Join("\n", steps.Select(step => Field(step, "run") ?? ""));

        Assert.Contains("simulator", runs[..runs.IndexOf("--port 0", StringComparison.Ordinal)], StringComparison.Ordinal); // built before it starts
        Assert.Contains("make -C .provider simulator", runs, StringComparison.Ordinal);
        Assert.Contains("head -n 1 simulator.out", runs, StringComparison.Ordinal);
        Assert.Contains("--retry-connrefused", runs, StringComparison.Ordinal);
        Assert.DoesNotContain("sleep 2", runs, StringComparison.Ordinal);
        Assert.Contains("pulumi login \"file://", runs, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void StackNames_NameTheProjectAUserCopies(string file)
    {
        var project = File.ReadLines(Path.Combine(RepositoryPaths.Root, "examples", "yaml", "Pulumi.yaml"))
            .Single(line => line.StartsWith("name:", StringComparison.Ordinal))["name:".Length..].Trim();

        var stack = Scalar(Load(file), "env", "STACK");

        Assert.Equal(project, stack.Split('/')[1]);
    }

    /// <summary>The drift check tells drift (the preview's 7) from findings (the audit's 3) and errors, and summarises both in one job summary.</summary>
    [Fact]
    public void TheDriftCheck_RunsThePreviewAndTheAudit_AndSummarisesBoth()
    {
        var steps = Jobs(Load("drift-check.yml")).Single().Steps.Children;
        var runs = string.Join("\n", steps.Select(step => Field(step, "run") ?? ""));

        Assert.Contains("pulumi preview --refresh --expect-no-changes", runs, StringComparison.Ordinal);
        Assert.Contains("webex-wholesale-export audit --stack-export", runs, StringComparison.Ordinal);
        Assert.Contains("pulumi stack export --stack", runs, StringComparison.Ordinal);
        Assert.Contains("7) echo", runs, StringComparison.Ordinal);
        Assert.Contains("0|3) cat", runs, StringComparison.Ordinal);
        Assert.Contains("GITHUB_STEP_SUMMARY", runs, StringComparison.Ordinal);
        Assert.Equal("^3.227.0", Scalar(steps.Single(step => Field(step, "name") == "Install the Pulumi CLI"), "with", "pulumi-version"));
        Assert.Equal(3, WebexWholesale.Exporter.Audit.AuditCommand.Found);
    }

    [Fact]
    public void DeployAndDriftCheck_ShareOneConcurrencyGroup() =>
        Assert.Equal(Scalar(Load("deploy.yml"), "concurrency", "group"), Scalar(Load("drift-check.yml"), "concurrency", "group"));

    [Fact]
    public void ThePluginVersion_IsTheReleasedOne()
    {
        var props = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Directory.Build.props"));
        var version = props[(props.IndexOf("<Version>", StringComparison.Ordinal) + "<Version>".Length)..props.IndexOf("</Version>", StringComparison.Ordinal)];

        Assert.Equal(version, Scalar(Load("deploy.yml"), "env", "PROVIDER_VERSION"));
        Assert.Equal(version, Scalar(Load("drift-check.yml"), "env", "PROVIDER_VERSION"));
    }
}
