using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Pulumirpc;
using WebexWholesale.Provider.Protocol.PropertyValues;
using WebexWholesale.Provider.Resources;

namespace WebexWholesale.Provider.Protocol.Bindings;

/// <summary>
/// Binds a typed <see cref="ICustomResource{TInputs,TOutputs}"/> to the wire: decodes Structs into records (remembering
/// secret and unknown paths), calls the resource, and encodes its answers, keeping secret inputs secret in the outputs.
/// </summary>
public sealed class ResourceBinding<TInputs, TOutputs>(ICustomResource<TInputs, TOutputs> resource) : IResourceBinding
    where TInputs : class
    where TOutputs : class
{
    private readonly StateCodec<TInputs, TOutputs> _state = new(resource.InputsType, resource.OutputsType);

    public string Token => resource.Token;

    public Task<CheckResponse> CheckAsync(CheckRequest request, ResourceContext context) =>
        RedactedAsync(SecretsOf(request.News, request.Olds), context, (redaction, call) => CheckAsync(request, redaction, call));

    private async Task<CheckResponse> CheckAsync(CheckRequest request, SecretText redaction, ResourceContext context)
    {
        Decoded<TInputs> news;
        Decoded<TInputs>? olds;
        try
        {
            news = DecodeInputs(request.News, allowUnknowns: true);
            var oldValues = StructCodec.Decode(request.Olds, allowUnknowns: true);
            olds = oldValues.Members.Count == 0 ? null : TypedCodec.Decode(oldValues, resource.InputsType);
        }
        catch (PropertyEncodingException error)
        {
            return new CheckResponse
            {
                Inputs = error.TooDeep ? new Struct() : request.News,
                Failures = { new CheckFailure { Property = error.PropertyPath, Reason = redaction.Redact(error.Reason) } },
            };
        }

        var result = await resource.CheckAsync(olds, news, context);
        // Check may reorder lists (packages are a set): a secret list element keeps the whole list secret.
        var secrets = news.Secrets.WithElementsLifted();
        var response = new CheckResponse
        {
            Inputs = StructCodec.Encode(TypedCodec.Encode(result.Inputs, resource.InputsType, secrets, news.Unknowns), allowUnknowns: true),
        };
        response.Failures.AddRange(result.Failures.Select(failure => new CheckFailure { Property = failure.Property, Reason = redaction.Redact(failure.Reason) }));
        return response;
    }

    public Task<DiffResponse> DiffAsync(DiffRequest request, ResourceContext context)
    {
        var news = DecodeInputs(request.News, allowUnknowns: true);
        var oldInputs = OldInputs(request.OldInputs, request.Olds);
        return Task.FromResult(DiffResponses.From(resource.Diff(oldInputs.Value, news, [.. request.IgnoreChanges])));
    }

    public Task<CreateResponse> CreateAsync(CreateRequest request, ResourceContext context) =>
        RedactedAsync(SecretsOf(request.Properties), context, (secrets, call) => CreateAsync(request, secrets, call));

    private async Task<CreateResponse> CreateAsync(CreateRequest request, SecretText secrets, ResourceContext context)
    {
        var inputs = DecodeInputs(request.Properties, allowUnknowns: request.Preview);
        if (request.Preview)
        {
            var preview = resource.PreviewCreate(inputs);
            return new CreateResponse { Properties = _state.Encode(preview.State, inputs.Secrets, PropertyPathSet.Of(preview.UnknownOutputs)) };
        }

        RequireValid("Create", inputs.Value, oldInputs: null, secrets);
        try
        {
            var (id, state) = await resource.CreateAsync(inputs.Value, Timeout(request.Timeout), context);
            return new CreateResponse { Id = id, Properties = _state.Encode(state, inputs.Secrets) };
        }
        catch (ResourceInitFailedException<TInputs, TOutputs> partial)
        {
            throw InitFailed(partial, inputs.Secrets, secrets);
        }
    }

    public Task<ReadResponse> ReadAsync(ReadRequest request, ResourceContext context) =>
        RedactedAsync(SecretsOf(request.Properties, request.Inputs), context, (secrets, call) => ReadAsync(request, secrets, call));

    private async Task<ReadResponse> ReadAsync(ReadRequest request, SecretText redaction, ResourceContext context)
    {
        var oldState = _state.Decode(request.Properties);
        var oldInputValues = StructCodec.Decode(request.Inputs, allowUnknowns: false);
        var oldInputs = oldInputValues.Members.Count == 0 ? null : TypedCodec.Decode(oldInputValues, resource.InputsType);
        var secrets = (oldInputs?.Secrets ?? PropertyPathSet.Empty).Union(oldState?.Secrets ?? PropertyPathSet.Empty);
        try
        {
            var result = await resource.ReadAsync(request.Id, oldInputs?.Value, oldState?.Value, context);
            if (result is null)
            {
                return new ReadResponse { Id = "" }; // gone: the engine drops it from the stack
            }

            return new ReadResponse
            {
                Id = result.Id,
                Properties = _state.Encode(result.State, secrets),
                Inputs = EncodeInputs(result.Inputs, secrets),
            };
        }
        catch (ResourceInitFailedException<TInputs, TOutputs> partial)
        {
            throw InitFailed(partial, secrets, redaction);
        }
    }

    public Task<UpdateResponse> UpdateAsync(UpdateRequest request, ResourceContext context) =>
        RedactedAsync(SecretsOf(request.News, request.Olds, request.OldInputs), context, (secrets, call) => UpdateAsync(request, secrets, call));

    private async Task<UpdateResponse> UpdateAsync(UpdateRequest request, SecretText secrets, ResourceContext context)
    {
        var news = DecodeInputs(request.News, allowUnknowns: request.Preview);
        var olds = _state.Decode(request.Olds) ?? throw new RpcException(new Status(StatusCode.InvalidArgument, "Update needs the resource's old state"));
        var oldInputs = OldInputs(request.OldInputs, request.Olds);
        if (request.Preview)
        {
            var preview = resource.PreviewUpdate(olds.Value, oldInputs.Value, news);
            return new UpdateResponse { Properties = _state.Encode(preview.State, news.Secrets, PropertyPathSet.Of(preview.UnknownOutputs)) };
        }

        RequireValid("Update", news.Value, oldInputs.Value, secrets);
        try
        {
            var state = await resource.UpdateAsync(request.Id, olds.Value, oldInputs.Value, news.Value, Timeout(request.Timeout), context);
            return new UpdateResponse { Properties = _state.Encode(state, news.Secrets) };
        }
        catch (ResourceInitFailedException<TInputs, TOutputs> partial)
        {
            throw InitFailed(partial, news.Secrets, secrets);
        }
    }

    public Task DeleteAsync(DeleteRequest request, ResourceContext context) =>
        RedactedAsync(SecretsOf(request.Properties, request.OldInputs), context, async (_, call) =>
        {
            await DeleteCoreAsync(request, call);
            return true;
        });

    private async Task DeleteCoreAsync(DeleteRequest request, ResourceContext context)
    {
        var olds = _state.Decode(request.Properties) ?? throw new RpcException(new Status(StatusCode.InvalidArgument, "Delete needs the resource's state"));
        var oldInputValues = StructCodec.Decode(request.OldInputs, allowUnknowns: false);
        var oldInputs = oldInputValues.Members.Count == 0 ? null : TypedCodec.Decode(oldInputValues, resource.InputsType).Value;
        await resource.DeleteAsync(request.Id, olds.Value, oldInputs, Timeout(request.Timeout), context);
    }

    private Decoded<TInputs> DecodeInputs(Struct? message, bool allowUnknowns) =>
        TypedCodec.Decode(StructCodec.Decode(message, allowUnknowns), resource.InputsType);

    private Struct EncodeInputs(TInputs inputs, PropertyPathSet secrets) =>
        StructCodec.Encode(TypedCodec.Encode(inputs, resource.InputsType, secrets.WithElementsLifted()), allowUnknowns: false);

    /// <summary>The old inputs; engines before 3.74 send none, and then the inputs part of the old state stands in.</summary>
    private Decoded<TInputs> OldInputs(Struct? oldInputs, Struct? olds)
    {
        var values = StructCodec.Decode(oldInputs, allowUnknowns: false);
        return TypedCodec.Decode(values.Members.Count > 0 ? values : StructCodec.Decode(olds, allowUnknowns: false), resource.InputsType);
    }

    private RpcException InitFailed(ResourceInitFailedException<TInputs, TOutputs> partial, PropertyPathSet secrets, SecretText redaction)
    {
        var reasons = redaction.Redact(partial.Reasons);
        var detail = new ErrorResourceInitFailed { Id = partial.Id, Properties = _state.Encode(partial.State, secrets) };
        detail.Reasons.AddRange(reasons);
        if (partial.Inputs is { } inputs)
        {
            detail.Inputs = EncodeInputs(inputs, secrets);
        }

        return ProviderErrors.ResourceInitFailed(string.Join("; ", reasons), detail);
    }

    /// <summary>
    /// Inputs that cannot be written (a required one missing, a null list element): the engine may call Create and
    /// Update without Check (an import, an older engine), so the same rules are applied again before Webex is asked.
    /// </summary>
    private void RequireValid(string rpc, TInputs inputs, TInputs? oldInputs, SecretText secrets)
    {
        var failures = resource.Validate(inputs, oldInputs);
        if (failures.Count > 0)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument,
                secrets.Redact($"{rpc}: the inputs are not valid: {string.Join("; ", failures.Select(failure => $"{failure.Property}: {failure.Reason}"))}")));
        }
    }

    private static SecretText SecretsOf(params Struct?[] messages) => new(SecretStrings.In(messages));

    /// <summary>
    /// Runs one call with a log that hides the request's secrets, and hides them in its failure too; the codec's
    /// refusals name property paths only, and gRPC statuses built here already went through the same helper.
    /// </summary>
    private static async Task<T> RedactedAsync<T>(SecretText secrets, ResourceContext context, Func<SecretText, ResourceContext, Task<T>> run)
    {
        try
        {
            return await run(secrets, context with { Log = secrets.Redacting(context.Log) });
        }
        catch (Exception error) when (!secrets.IsEmpty && error is not (RpcException or PropertyEncodingException))
        {
            throw secrets.Redact(error);
        }
    }

    private static TimeSpan? Timeout(double seconds) => seconds > 0 ? TimeSpan.FromSeconds(seconds) : null;
}
