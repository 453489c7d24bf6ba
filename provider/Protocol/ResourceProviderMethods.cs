using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Pulumirpc;

namespace WebexWholesale.Provider.Protocol;

/// <summary>
/// Binds the RPCs of <see cref="ResourceProviderService"/> as the generated binder would, with request parsing of our
/// own. The generated marshallers parse with Google.Protobuf's recursion limit of 100 message levels (about 32 levels
/// of nested objects), while the engine's own limit is 10,000: values nested between the two, which the engine does
/// send, would fail inside the gRPC host as <c>UNKNOWN: Exception was thrown by handler</c>, naming neither the
/// property nor the cause. Here a request too deep for the default limit is parsed again at the engine's limit on a
/// thread with a stack big enough for it, so the provider can refuse the value by its property path; a request past
/// even that, or one that is not valid protobuf or UTF-8, is <c>INVALID_ARGUMENT</c> naming the RPC.
/// </summary>
public sealed class ResourceProviderMethods : IServiceMethodProvider<ResourceProviderService>
{
    /// <summary>The Go engine's protobuf recursion limit: nothing deeper can come from it.</summary>
    public const int EngineRecursionLimit = 10_000;

    /// <summary>The stack for parsing at <see cref="EngineRecursionLimit"/>; a message level takes well under 1 KiB.</summary>
    private const int DeepParseStackBytes = 64 * 1024 * 1024;

    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<ResourceProviderService> context)
    {
        Add(context, "Handshake", ProviderHandshakeRequest.Parser, (service, request, call) => service.Handshake(request, call));
        Add(context, "GetSchema", GetSchemaRequest.Parser, (service, request, call) => service.GetSchema(request, call));
        Add(context, "CheckConfig", CheckRequest.Parser, (service, request, call) => service.CheckConfig(request, call));
        Add(context, "DiffConfig", DiffRequest.Parser, (service, request, call) => service.DiffConfig(request, call));
        Add(context, "Configure", ConfigureRequest.Parser, (service, request, call) => service.Configure(request, call));
        Add(context, "Invoke", InvokeRequest.Parser, (service, request, call) => service.Invoke(request, call));
        Add(context, "Check", CheckRequest.Parser, (service, request, call) => service.Check(request, call));
        Add(context, "Diff", DiffRequest.Parser, (service, request, call) => service.Diff(request, call));
        Add(context, "Create", CreateRequest.Parser, (service, request, call) => service.Create(request, call));
        Add(context, "Read", ReadRequest.Parser, (service, request, call) => service.Read(request, call));
        Add(context, "Update", UpdateRequest.Parser, (service, request, call) => service.Update(request, call));
        Add(context, "Delete", DeleteRequest.Parser, (service, request, call) => service.Delete(request, call));
        Add(context, "Cancel", Empty.Parser, (service, request, call) => service.Cancel(request, call));
        Add(context, "GetPluginInfo", Empty.Parser, (service, request, call) => service.GetPluginInfo(request, call));
        Add(context, "Attach", PluginAttach.Parser, (service, request, call) => service.Attach(request, call));
        Add(context, "GetMapping", GetMappingRequest.Parser, (service, request, call) => service.GetMapping(request, call));
        Add(context, "GetMappings", GetMappingsRequest.Parser, (service, request, call) => service.GetMappings(request, call));
    }

    private static void Add<TRequest, TResponse>(ServiceMethodProviderContext<ResourceProviderService> context, string name,
        MessageParser<TRequest> parser, UnaryServerMethod<ResourceProviderService, TRequest, TResponse> invoker)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        var method = new Method<TRequest, TResponse>(MethodType.Unary, ResourceProvider.Descriptor.FullName, name,
            Marshallers.Create(Serialize, payload => Parse(payload.PayloadAsNewBuffer(), parser, name)),
            Marshallers.Create<TResponse>(Serialize, _ => throw new InvalidOperationException("a server does not parse its responses")));
        context.AddUnaryMethod(method, [], invoker);
    }

    private static void Serialize<T>(T message, SerializationContext context) where T : IMessage<T>
    {
        context.SetPayloadLength(message.CalculateSize());
        message.WriteTo(context.GetBufferWriter());
        context.Complete();
    }

    /// <summary>Parses a request: at Google.Protobuf's default limit first, and when that is too shallow, at the engine's.</summary>
    public static T Parse<T>(byte[] payload, MessageParser<T> parser, string rpc) where T : IMessage<T>
    {
        try
        {
            return parser.ParseFrom(payload);
        }
        catch (InvalidProtocolBufferException error) when (IsTooDeep(error))
        {
            return ParseDeep(payload, parser, rpc);
        }
        catch (Exception error) when (error is InvalidProtocolBufferException or ArgumentException)
        {
            throw Unreadable(rpc, error);
        }
    }

    private static T ParseDeep<T>(byte[] payload, MessageParser<T> parser, string rpc) where T : IMessage<T>
    {
        T? parsed = default;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                using var stream = CodedInputStream.CreateWithLimits(new MemoryStream(payload, writable: false), payload.Length + 1, EngineRecursionLimit);
                parsed = parser.ParseFrom(stream);
            }
            catch (Exception error) when (error is InvalidProtocolBufferException or ArgumentException)
            {
                failure = error;
            }
        }, DeepParseStackBytes) { IsBackground = true, Name = "deep request parse" };
        thread.Start();
        thread.Join(); // rare, and bounded by the request's size: blocking one thread-pool thread for it is fine
        return failure switch
        {
            null => parsed!,
            InvalidProtocolBufferException tooDeep when IsTooDeep(tooDeep) => throw new RpcException(new Status(StatusCode.InvalidArgument,
                $"{rpc}: the request nests values more than {EngineRecursionLimit:N0} protobuf messages deep (about {EngineRecursionLimit / 3:N0} " +
                "levels of objects and lists), past what the Pulumi engine itself accepts; no input of this provider is deeper than a few levels: " +
                "look for a value that contains itself or a file read into a property")),
            _ => throw Unreadable(rpc, failure),
        };
    }

    private static bool IsTooDeep(InvalidProtocolBufferException error) => error.Message.Contains("levels of nesting", StringComparison.Ordinal);

    private static RpcException Unreadable(string rpc, Exception error) => new(new Status(StatusCode.InvalidArgument,
        error is ArgumentException || error.Message.Contains("UTF-8", StringComparison.Ordinal)
            ? $"{rpc}: the request holds a string that is not valid UTF-8; every string the engine sends must be UTF-8"
            : $"{rpc}: the request is not a valid {rpc} message ({error.Message})"));
}
