namespace WebexWholesale.Provider.Hosting;

/// <summary>
/// The command line the engine starts a plugin with: optional logging flags, then the engine address as the only
/// positional argument. No address means attach mode (started by hand for PULUMI_DEBUG_PROVIDERS).
/// </summary>
public sealed record PluginArguments(string? EngineAddress, int Verbosity, bool ShowHelp, bool ShowVersion = false)
{
    public const string Usage =
        "usage: pulumi-resource-webex-wholesale [--logtostderr] [-v=N] [--logflow] [--tracing ENDPOINT] [ENGINE_ADDRESS]\n" +
        "       pulumi-resource-webex-wholesale --version | --help\n" +
        "Started by the Pulumi engine. Without ENGINE_ADDRESS it waits for the engine to attach (PULUMI_DEBUG_PROVIDERS).\n";

    /// <summary>
    /// What a person who starts the plugin by hand reads on stderr (stdout carries only the port, for the engine).
    /// </summary>
    public const string StartedByHand =
        "pulumi-resource-webex-wholesale: the Pulumi resource provider for Webex Wholesale. The Pulumi engine starts it " +
        "during `pulumi preview` and `pulumi up` (install it with `make install` or `pulumi plugin install`); there is nothing " +
        "to run by hand. Started without an engine address, it waits for an engine to attach on the port printed on stdout " +
        "(PULUMI_DEBUG_PROVIDERS=webex-wholesale:<port> pulumi up). Stop it with Ctrl+C; --help lists the options.\n";

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

            if (arg == "--version")
            {
                return new PluginArguments(null, verbosity, ShowHelp: false, ShowVersion: true);
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
