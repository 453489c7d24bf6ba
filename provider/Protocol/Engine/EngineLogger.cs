using Grpc.Core;
using Grpc.Net.Client;
using Pulumirpc;
using WebexWholesale.Provider.Resources;

namespace WebexWholesale.Provider.Protocol.Engine;

/// <summary>
/// Client of the engine's Log RPC. The engine address arrives on the command line, in Handshake or in Attach; until
/// then (and when the engine cannot be reached) messages go to stderr, which the engine keeps in its debug log.
/// A failed log call never fails the operation that logged.
/// </summary>
public sealed class EngineLogger(TextWriter stderr, TimeProvider time) : IDisposable
{
    // A log line is not worth holding up a deployment: give up on an engine that does not answer.
    private static readonly TimeSpan LogDeadline = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private string? _address;
    private GrpcChannel? _channel;
    private Pulumirpc.Engine.EngineClient? _client;

    public void Connect(string address)
    {
        lock (_gate)
        {
            if (address == _address)
            {
                return;
            }

            // The channel is opened by the first log line, not here: start-up and calls that log nothing never pay for it.
            _channel?.Dispose();
            _channel = null;
            _client = null;
            _address = address;
        }
    }

    public async Task LogAsync(LogSeverity severity, string message, string? urn = null, bool ephemeral = false)
    {
        Pulumirpc.Engine.EngineClient? client;
        lock (_gate)
        {
            if (_client is null && _address is not null)
            {
                _channel = GrpcChannel.ForAddress(new Uri($"http://{_address}"));
                _client = new Pulumirpc.Engine.EngineClient(_channel);
            }

            client = _client;
        }

        if (client is not null)
        {
            try
            {
                var request = new LogRequest { Severity = severity, Message = message, Urn = urn ?? "", Ephemeral = ephemeral };
                await client.LogAsync(request, deadline: time.GetUtcNow().UtcDateTime.Add(LogDeadline));
                return;
            }
            catch (RpcException error)
            {
                await stderr.WriteLineAsync($"engine log unavailable ({error.StatusCode}); message follows");
            }
        }

        await stderr.WriteLineAsync($"{severity}: {(string.IsNullOrEmpty(urn) ? "" : urn + ": ")}{message}");
    }

    /// <summary>The log of one resource operation, bound to its URN.</summary>
    public IResourceLog ForResource(string urn) => new ResourceLog(this, urn);

    public void Dispose()
    {
        lock (_gate)
        {
            _channel?.Dispose();
            _channel = null;
            _client = null;
        }
    }

    private sealed class ResourceLog(EngineLogger engine, string urn) : IResourceLog
    {
        public Task DebugAsync(string message) => engine.LogAsync(LogSeverity.Debug, message, urn);
        public Task InfoAsync(string message) => engine.LogAsync(LogSeverity.Info, message, urn);
        public Task WarningAsync(string message) => engine.LogAsync(LogSeverity.Warning, message, urn);
        public Task StatusAsync(string message) => engine.LogAsync(LogSeverity.Info, message, urn, ephemeral: true);
    }
}
