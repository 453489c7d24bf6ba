namespace WebexWholesale.Provider.Hosting;

/// <summary>
/// The command line the engine starts a plugin with: optional logging flags, then the engine address as the only
/// positional argument. No address means attach mode (started by hand for PULUMI_DEBUG_PROVIDERS).
/// </summary>
public sealed record PluginArguments(string? EngineAddress, int Verbosity, bool ShowHelp)
{
    public const string Usage =
        "usage: pulumi-resource-webex-wholesale [--logtostderr] [-v=N] [--logflow] [--tracing ENDPOINT] [ENGINE_ADDRESS]\n" +
        "Started by the Pulumi engine. Without ENGINE_ADDRESS it waits for the engine to attach (PULUMI_DEBUG_PROVIDERS).\n";

    public static PluginArguments Parse(IReadOnlyList<string> args)
    {
        string? engineAddress = null;
        var verbosity = 0;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h")
            {
                return new PluginArguments(null, verbosity, ShowHelp: true);
            }

            if (arg is "--logtostderr" or "--logflow" || arg.StartsWith("--tracing=", StringComparison.Ordinal))
            {
                continue;
            }

            if (arg == "--tracing")
            {
                i++; // the endpoint belongs to the flag
                continue;
            }

            if (arg.StartsWith("-v", StringComparison.Ordinal))
            {
                verbosity = ParseVerbosity(arg);
                continue;
            }

            if (arg.StartsWith('-'))
            {
                throw new ArgumentException($"unknown option '{arg}'\n{Usage}");
            }

            if (engineAddress is not null)
            {
                throw new ArgumentException($"expected one engine address, got '{engineAddress}' and '{arg}'\n{Usage}");
            }

            engineAddress = arg;
        }

        return new PluginArguments(engineAddress, verbosity, ShowHelp: false);
    }

    private static int ParseVerbosity(string flag)
    {
        var value = flag.TrimStart('-', 'v').TrimStart('=');
        return int.TryParse(value, out var level) ? level : 0;
    }
}
