using Grpc.Core;

namespace WebexWholesale.Provider.Protocol.Bindings;

/// <summary>The resource types and functions this provider offers, by token.</summary>
public sealed class ResourceRegistry(IEnumerable<IResourceBinding> bindings, IEnumerable<IFunctionBinding>? functions = null)
{
    private readonly Dictionary<string, IFunctionBinding> _functions = (functions ?? []).ToDictionary(function => function.Token, StringComparer.Ordinal);

    private readonly Dictionary<string, IResourceBinding> _bindings = bindings.ToDictionary(binding => binding.Token, StringComparer.Ordinal);

    public IReadOnlyCollection<string> Tokens => _bindings.Keys;

    /// <summary>The binding for a call, by its type (or, from engines that do not send the type, its URN).</summary>
    public IResourceBinding Resolve(string type, string urn)
    {
        var token = string.IsNullOrEmpty(type) ? TypeFromUrn(urn) : type;
        if (_bindings.TryGetValue(token, out var binding))
        {
            return binding;
        }

        var known = _bindings.Count == 0 ? "none yet" : string.Join(", ", _bindings.Keys.Order(StringComparer.Ordinal));
        throw new RpcException(new Status(StatusCode.InvalidArgument,
            $"unknown resource type '{token}': the webex-wholesale provider manages {known}. " +
            "Check the type token in your program or update the webex-wholesale SDK and plugin to matching versions."));
    }

    public IFunctionBinding ResolveFunction(string token) =>
        _functions.TryGetValue(token, out var function)
            ? function
            : throw new RpcException(new Status(StatusCode.InvalidArgument,
                $"unknown function '{token}': the webex-wholesale provider offers {string.Join(", ", _functions.Keys.Order(StringComparer.Ordinal))}"));

    /// <summary><c>urn:pulumi:stack::project::type::name</c> → <c>name</c>.</summary>
    public static string NameFromUrn(string urn)
    {
        var separator = urn.LastIndexOf("::", StringComparison.Ordinal);
        return separator < 0 ? urn : urn[(separator + 2)..];
    }

    /// <summary><c>urn:pulumi:stack::project::parent$type::name</c> → <c>type</c>.</summary>
    public static string TypeFromUrn(string urn)
    {
        var parts = urn.Split("::");
        if (parts.Length < 4)
        {
            return urn;
        }

        var qualifiedType = parts[2];
        return qualifiedType[(qualifiedType.LastIndexOf('$') + 1)..];
    }
}
