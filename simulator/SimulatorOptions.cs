using System.Globalization;

namespace WebexWholesale.Simulator;

/// <summary>The simulator's command line.</summary>
public sealed record SimulatorOptions
{
    public const string Usage = """
        usage: webex-wholesale-simulator [options]

        A local Webex Wholesale API (customers, subscribers, billing reports) on 127.0.0.1, with the reports' CSVs on a
        second port. The first line on stdout is the base URL to configure, e.g. http://127.0.0.1:43117/v1
        (pulumi config set webex-wholesale:baseUrl <url>).

          --port N                  port to listen on; 0 (default) picks a free one
          --token T                 accepted bearer token with read and write scopes; repeatable (default: dev-token)
          --read-only-token T       accepted bearer token with the read scope only (writes answer 403); repeatable
          --provisioning-seconds S  how long provision, update and remove take (default 2; fractions allowed)
          --rate-limit N            requests per second before 429 with Retry-After (default 0 = off)
          --state-file F            keep customers in this JSON file across restarts
          --seed-file F             start with the customers and subscribers of F (a state file), keep changes in memory
          --help                    this text

        Control API (no token; JSON bodies; see simulator/README.md):
          POST   /_simulator/faults                             queue faults {count, method, pathPrefix, status, latencyMs, dropAfterProcessing, ...}
          GET    /_simulator/faults                             the faults still queued
          DELETE /_simulator/faults                             clear them
          POST   /_simulator/settings                           provisioningSeconds, rateLimit, chaos
          POST   /_simulator/clock/advance                      {seconds}: move simulated time on
          POST   /_simulator/reset                              forget every customer, subscriber and fault
          GET    /_simulator/customers                          every customer as stored
          GET    /_simulator/subscribers                        every subscriber as stored
          POST   /_simulator/free-accounts                      {email}: a free Webex account (its subscriber waits for consent)
          POST   /_simulator/subscribers/{id}/consent           the person accepts the move: pending_user_migration -> provisioned
          POST   /_simulator/subpartners                        {orgId, provisioningState}: add a sub-partner
          POST   /_simulator/billing-reports/failures           {count, description}: the next billing reports end FAILED
          GET    /_simulator/requests                           the requests received
          DELETE /_simulator/requests                           clear that list
        """;

    public int Port { get; init; }
    public IReadOnlyList<string> Tokens { get; init; } = ["dev-token"];
    public IReadOnlyList<string> ReadOnlyTokens { get; init; } = [];
    public double ProvisioningSeconds { get; init; } = 2;
    public int RateLimit { get; init; }
    public string? StateFile { get; init; }
    public string? SeedFile { get; init; }
    public bool ShowHelp { get; init; }

    public static SimulatorOptions Parse(IReadOnlyList<string> args)
    {
        var options = new SimulatorOptions();
        var tokens = new List<string>();
        var readOnly = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value\n\n{Usage}");
            switch (args[i])
            {
                case "--help" or "-h":
                    return options with { ShowHelp = true };
                case "--port":
                    options = options with { Port = ParseNumber(Value(), "--port", 0, 65535) };
                    break;
                case "--token":
                    tokens.Add(NonEmpty(Value(), "--token"));
                    break;
                case "--read-only-token":
                    readOnly.Add(NonEmpty(Value(), "--read-only-token"));
                    break;
                case "--provisioning-seconds":
                    var text = Value();
                    options = options with
                    {
                        ProvisioningSeconds = double.TryParse(text, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
                            ? seconds
                            : throw new ArgumentException($"--provisioning-seconds must be a number of seconds >= 0, not '{text}'"),
                    };
                    break;
                case "--rate-limit":
                    options = options with { RateLimit = ParseNumber(Value(), "--rate-limit", 0, int.MaxValue) };
                    break;
                case "--state-file":
                    options = options with { StateFile = Value() };
                    break;
                case "--seed-file":
                    options = options with { SeedFile = Value() };
                    break;
                default:
                    throw new ArgumentException($"unknown argument '{args[i]}'\n\n{Usage}");
            }
        }

        if (options.StateFile is not null && options.SeedFile is not null)
        {
            throw new ArgumentException("--state-file and --seed-file cannot be used together: a state file is read at start and written on every change, a seed file only read");
        }

        return options with { Tokens = tokens.Count > 0 ? tokens : options.Tokens, ReadOnlyTokens = readOnly };
    }

    /// <summary>An empty token would let a client without one in: refused.</summary>
    private static string NonEmpty(string token, string flag) =>
        string.IsNullOrWhiteSpace(token) ? throw new ArgumentException($"{flag} needs a non-empty token (a client must send it as Authorization: Bearer <token>)") : token;

    private static int ParseNumber(string text, string flag, int min, int max) =>
        int.TryParse(text, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"{flag} must be a whole number from {min} to {max}, not '{text}'");
}
