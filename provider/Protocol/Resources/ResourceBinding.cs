using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Pulumirpc;
using WebexWholesale.Provider.Protocol.PropertyValues;
using WebexWholesale.Provider.Resources;

namespace WebexWholesale.Provider.Protocol.Resources;

/// <summary>
/// Binds a typed <see cref="ICustomResource{TInputs,TState}"/> to the wire: decodes Structs into records (remembering
/// secret and unknown paths), calls the resource, and encodes its answers, keeping secret inputs secret in the outputs.
/// </summary>
public sealed class ResourceBinding<TInputs, TState>(ICustomResource<TInputs, TState> resource) : IResourceBinding
    where TInputs : class
    where TState : class
{
    public string Token => resource.Token;

    public async Task<CheckResponse> CheckAsync(CheckRequest request, ResourceCall call)
    {
        Decoded<TInputs> news;
        Decoded<TInputs>? olds;
        try
        {
            news = TypedCodec.Decode(StructCodec.Decode(request.News, allowUnknowns: true), resource.InputsType);
            var oldValues = StructCodec.Decode(request.Olds, allowUnknowns: true);
            olds = oldValues.Members.Count == 0 ? null : TypedCodec.Decode(oldValues, resource.InputsType);
        }
        catch (PropertyEncodingException error)
        {
            return new CheckResponse { Inputs = request.News, Failures = { new CheckFailure { Property = error.PropertyPath, Reason = error.Reason } } };
        }

        var result = await resource.CheckAsync(olds, news, Context(request.Urn, request.Name, call));
        var response = new CheckResponse
        {
            Inputs = StructCodec.Encode(TypedCodec.Encode(result.Inputs, resource.InputsType, news.Secrets, news.Unknowns), allowUnknowns: true),
        };
        response.Failures.AddRange(result.Failures.Select(failure => new CheckFailure { Property = failure.Property, Reason = failure.Reason }));
        return response;
    }

    public Task<DiffResponse> DiffAsync(DiffRequest request, ResourceCall call)
    {
        var news = TypedCodec.Decode(StructCodec.Decode(request.News, allowUnknowns: true), resource.InputsType);
        var oldInputs = OldInputs(request.OldInputs, request.Olds);
        return Task.FromResult(DiffResponses.From(resource.Diff(oldInputs.Value, news, [.. request.IgnoreChanges])));
    }

    public async Task<CreateResponse> CreateAsync(CreateRequest request, ResourceCall call)
    {
        var inputs = TypedCodec.Decode(StructCodec.Decode(request.Properties, allowUnknowns: request.Preview), resource.InputsType);
        if (request.Preview)
        {
            var preview = resource.PreviewCreate(inputs);
            return new CreateResponse { Properties = Encode(preview.State, inputs.Secrets, PropertyPathSet.Of(preview.UnknownOutputs)) };
        }

        try
        {
            var (id, state) = await resource.CreateAsync(inputs.Value, Timeout(request.Timeout), Context(request.Urn, request.Name, call));
            return new CreateResponse { Id = id, Properties = Encode(state, inputs.Secrets) };
        }
        catch (ResourceInitFailedException<TState> partial)
        {
            throw InitFailed(partial, inputs.Secrets);
        }
    }

    public async Task<ReadResponse> ReadAsync(ReadRequest request, ResourceCall call)
    {
        var oldStateValues = StructCodec.Decode(request.Properties, allowUnknowns: false);
        var oldInputValues = StructCodec.Decode(request.Inputs, allowUnknowns: false);
        var oldState = oldStateValues.Members.Count == 0 ? null : TypedCodec.Decode(oldStateValues, resource.StateType);
        var oldInputs = oldInputValues.Members.Count == 0 ? null : TypedCodec.Decode(oldInputValues, resource.InputsType);
        var secrets = (oldInputs?.Secrets ?? PropertyPathSet.Empty).Union(oldState?.Secrets ?? PropertyPathSet.Empty);
        try
        {
            var result = await resource.ReadAsync(request.Id, oldInputs?.Value, oldState?.Value, Context(request.Urn, request.Name, call));
            if (result is null)
            {
                return new ReadResponse { Id = "" }; // gone: the engine drops it from the stack
            }

            return new ReadResponse
            {
                Id = result.Id,
                Properties = Encode(result.State, secrets),
                Inputs = StructCodec.Encode(TypedCodec.Encode(result.Inputs, resource.InputsType, secrets), allowUnknowns: false),
            };
        }
        catch (ResourceInitFailedException<TState> partial)
        {
            throw InitFailed(partial, secrets);
        }
    }

    public async Task<UpdateResponse> UpdateAsync(UpdateRequest request, ResourceCall call)
    {
        var news = TypedCodec.Decode(StructCodec.Decode(request.News, allowUnknowns: request.Preview), resource.InputsType);
        var olds = TypedCodec.Decode(StructCodec.Decode(request.Olds, allowUnknowns: false), resource.StateType);
        var oldInputs = OldInputs(request.OldInputs, request.Olds);
        if (request.Preview)
        {
            var preview = resource.PreviewUpdate(olds.Value, oldInputs.Value, news);
            return new UpdateResponse { Properties = Encode(preview.State, news.Secrets, PropertyPathSet.Of(preview.UnknownOutputs)) };
        }

        try
        {
            var state = await resource.UpdateAsync(request.Id, olds.Value, oldInputs.Value, news.Value, Timeout(request.Timeout),
                Context(request.Urn, request.Name, call));
            return new UpdateResponse { Properties = Encode(state, news.Secrets) };
        }
        catch (ResourceInitFailedException<TState> partial)
        {
            throw InitFailed(partial, news.Secrets);
        }
    }

    public async Task DeleteAsync(DeleteRequest request, ResourceCall call)
    {
        var olds = TypedCodec.Decode(StructCodec.Decode(request.Properties, allowUnknowns: false), resource.StateType);
        var oldInputValues = StructCodec.Decode(request.OldInputs, allowUnknowns: false);
        var oldInputs = oldInputValues.Members.Count == 0 ? null : TypedCodec.Decode(oldInputValues, resource.InputsType).Value;
        await resource.DeleteAsync(request.Id, olds.Value, oldInputs, Timeout(request.Timeout), Context(request.Urn, request.Name, call));
    }

    /// <summary>The old inputs; engines before 3.74 send none, and then the inputs part of the old state stands in.</summary>
    private Decoded<TInputs> OldInputs(Struct? oldInputs, Struct? olds)
    {
        var values = StructCodec.Decode(oldInputs, allowUnknowns: false);
        return TypedCodec.Decode(values.Members.Count > 0 ? values : StructCodec.Decode(olds, allowUnknowns: false), resource.InputsType);
    }

    private Struct Encode(TState state, PropertyPathSet secrets, PropertyPathSet? unknowns = null) =>
        StructCodec.Encode(TypedCodec.Encode(state, resource.StateType, secrets, unknowns), allowUnknowns: unknowns is not null);

    private RpcException InitFailed(ResourceInitFailedException<TState> partial, PropertyPathSet secrets)
    {
        var detail = new ErrorResourceInitFailed { Id = partial.Id, Properties = Encode(partial.State, secrets) };
        detail.Reasons.AddRange(partial.Reasons);
        if (partial.Inputs is TInputs inputs)
        {
            detail.Inputs = StructCodec.Encode(TypedCodec.Encode(inputs, resource.InputsType, secrets), allowUnknowns: false);
        }

        return ProviderErrors.ResourceInitFailed(string.Join("; ", partial.Reasons), detail);
    }

    private static TimeSpan? Timeout(double seconds) => seconds > 0 ? TimeSpan.FromSeconds(seconds) : null;

    private static ResourceContext Context(string urn, string name, ResourceCall call) =>
        new(urn, string.IsNullOrEmpty(name) ? urn[(urn.LastIndexOf("::", StringComparison.Ordinal) + 2)..] : name,
            call.Settings, call.Webex, call.Log, call.Time, call.Cancellation);
}
