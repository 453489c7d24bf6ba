using Grpc.Core;
using Google.Protobuf.WellKnownTypes;
using Pulumirpc;
using WebexWholesale.Provider.Protocol.PropertyValues;
using WebexWholesale.Provider.Resources;
using WebexWholesale.Provider.Resources.ProviderConfig;
using WebexWholesale.Provider.Resources.Schema;

namespace WebexWholesale.Provider.Protocol;

/// <summary>CheckConfig, DiffConfig and Configure: the provider configuration on the wire.</summary>
public static class ProviderConfigBinding
{
    private static readonly PropertyPathSet AlwaysSecret =
        PropertyPathSet.Of(SchemaDeclarations.PropertiesWith<SecretAttribute>(ProviderConfigJson.Default.ProviderConfigInputs));

    public static async Task<CheckResponse> CheckAsync(CheckRequest request, IResourceLog log)
    {
        var news = StructCodec.Decode(request.News, allowUnknowns: true);
        foreach (var key in news.Members.Keys.Where(key => !ProviderConfiguration.Keys.Contains(key) && key != "version"))
        {
            await log.WarningAsync($"unknown configuration key '{ProviderConfiguration.Package}:{key}' is ignored; " +
                                   $"the provider reads {string.Join(", ", ProviderConfiguration.Keys.Select(k => $"'{ProviderConfiguration.Package}:{k}'"))}");
        }

        Decoded<ProviderConfigInputs> decoded;
        try
        {
            decoded = TypedCodec.Decode(news, ProviderConfigJson.Default.ProviderConfigInputs);
        }
        catch (PropertyEncodingException error)
        {
            // Even a value that cannot be read goes back with its secret marking: it may hold the token.
            return new CheckResponse
            {
                Inputs = StructCodec.Encode(TypedCodec.Mark(news, AlwaysSecret, unknowns: null), allowUnknowns: true),
                Failures = { new CheckFailure { Property = error.PropertyPath, Reason = error.Reason } },
            };
        }

        var response = new CheckResponse
        {
            Inputs = StructCodec.Encode(
                TypedCodec.Encode(decoded.Value, ProviderConfigJson.Default.ProviderConfigInputs, decoded.Secrets.Union(AlwaysSecret), decoded.Unknowns),
                allowUnknowns: true),
        };
        response.Failures.AddRange(ProviderConfiguration.Validate(decoded.Value)
            .Where(failure => !decoded.Unknowns.Covers(failure.Property))
            .Select(failure => new CheckFailure { Property = failure.Property, Reason = failure.Reason }));
        return response;
    }

    public static DiffResponse Diff(DiffRequest request)
    {
        var olds = StructCodec.Decode(request.Olds, allowUnknowns: true);
        var news = StructCodec.Decode(request.News, allowUnknowns: true);
        var changes = olds.TopLevelChanges(news)
            .Where(change => ProviderConfiguration.Keys.Contains(change.Path) && !request.IgnoreChanges.Contains(change.Path))
            .ToList();

        // No configuration change replaces the customers: a new token or URL reaches the same partner org.
        return DiffResponses.From(new ResourceDiff(changes));
    }

    public static ConfigureResponse Configure(ConfigureRequest request, ProviderSession session)
    {
#pragma warning disable CS0612 // deprecated in the protocol, still the only config older engines send
        var args = request.Args ?? FromLegacyVariables(request.Variables);
#pragma warning restore CS0612
        var decoded = TypedCodec.Decode(StructCodec.Decode(args, allowUnknowns: true), ProviderConfigJson.Default.ProviderConfigInputs);
        // The engine may skip CheckConfig for configuration it checked before; a bad value must not get this far.
        var invalid = ProviderConfiguration.Validate(decoded.Value);
        if (invalid.Count > 0)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument,
                string.Join("; ", invalid.Select(failure => $"{ProviderConfiguration.Package}:{failure.Property} {failure.Reason}"))));
        }

        ProviderSettings? settings;
        IReadOnlyList<string> missing;
        try
        {
            (settings, missing) = ProviderConfiguration.Resolve(decoded.Value, session.Environment);
        }
        catch (ArgumentException error)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, error.Message));
        }

        if (settings is null)
        {
            throw ProviderErrors.MissingConfiguration(missing.Select(key =>
                ($"{ProviderConfiguration.Package}:{key}", ProviderConfiguration.AccessTokenDescription)));
        }

        session.Configure(settings);
        return new ConfigureResponse
        {
            AcceptSecrets = true,
            AcceptResources = true,
            AcceptOutputs = false,
            SupportsPreview = true,
        };
    }

    /// <summary>Engines before structured config sent <c>pkg:config:key</c> strings only.</summary>
    private static Struct FromLegacyVariables(IDictionary<string, string> variables)
    {
        const string prefix = ProviderConfiguration.Package + ":config:";
        var args = new Struct();
        foreach (var (name, value) in variables.Where(pair => pair.Key.StartsWith(prefix, StringComparison.Ordinal)))
        {
            args.Fields[name[prefix.Length..]] = Value.ForString(value);
        }

        return args;
    }
}
