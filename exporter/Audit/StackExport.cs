using System.Text.Json;
using WebexWholesale.Provider.Resources.WholesaleCustomer;
using WebexWholesale.Provider.Resources.WholesaleSubscriber;

namespace WebexWholesale.Exporter.Audit;

/// <summary>A customer or subscriber a stack declares: where (stack and resource name), its Webex id, and what its state says.</summary>
public sealed record DeclaredResource(string Stack, string Type, string Name, string Id, string? Label, string? CustomerId, string? SubPartner,
    IReadOnlyList<string> Packages)
{
    public bool IsCustomer => Type == WholesaleCustomerResource.TypeToken;
}

/// <summary>
/// A stack's state as <c>pulumi stack export</c> writes it (Pulumi's deployment format, version 3:
/// <c>deployment.resources[]</c> with <c>urn</c>, <c>type</c>, <c>id</c>, <c>inputs</c>, <c>outputs</c>). Only the
/// customers and subscribers are read, and of those only plain values: a secret (an object carrying Pulumi's secret
/// signature) is never decoded, and counts as absent.
/// </summary>
public static class StackExport
{
    /// <summary>The signature key Pulumi marks a secret value with in property maps and exports.</summary>
    public const string SecretSignature = "4dabf18193072939515e22adb298388d";

    /// <summary>The largest stack export read: a stack of 50,000 subscribers exports to about 60 MB.</summary>
    public const long MaxBytes = 512L * 1024 * 1024;

    public static IReadOnlyList<DeclaredResource> Read(string path)
    {
        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxBytes)
            {
                throw new ExportException($"{path} has {length:N0} bytes, more than a stack export of {MaxBytes / 1024 / 1024} MB this tool reads");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new ExportException($"cannot read the stack export {path}: {error.Message}", error);
        }

        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 256 });
            return Resources(document.RootElement, path);
        }
        catch (JsonException error)
        {
            throw new ExportException($"{path} is not a stack export (JSON that `pulumi stack export --file {Path.GetFileName(path)}` writes): " +
                                      $"{error.Message.Split(" Path:")[0]}", error);
        }
    }

    private static List<DeclaredResource> Resources(JsonElement root, string path)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("deployment", out var deployment) || deployment.ValueKind != JsonValueKind.Object)
        {
            throw new ExportException($"{path} is not a stack export: it has no \"deployment\" object (write one with `pulumi stack export --file <file>`)");
        }

        if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || version.GetInt32() != 3)
        {
            throw new ExportException($"{path} is a stack export of version {(root.TryGetProperty("version", out var v) ? v.ToString() : "none")}; this tool reads " +
                                      "version 3, which every Pulumi CLI since 3.0 writes: export the stack again with a current CLI");
        }

        if (!deployment.TryGetProperty("resources", out var resources) || resources.ValueKind == JsonValueKind.Null)
        {
            return []; // an empty stack
        }

        if (resources.ValueKind != JsonValueKind.Array)
        {
            throw new ExportException($"{path} is not a stack export: \"deployment.resources\" is not a list");
        }

        var declared = new List<DeclaredResource>();
        foreach (var resource in resources.EnumerateArray())
        {
            if (resource.ValueKind != JsonValueKind.Object || Text(resource, "type") is not { } type ||
                type is not (WholesaleCustomerResource.TypeToken or WholesaleSubscriberResource.TypeToken) ||
                Text(resource, "id") is not { Length: > 0 } id || Flag(resource, "delete") || Flag(resource, "external"))
            {
                continue; // another provider's resource, one the engine is about to delete, or one the program only reads (`get`)
            }

            var urn = Text(resource, "urn") ?? "";
            var state = resource.TryGetProperty("outputs", out var outputs) && outputs.ValueKind == JsonValueKind.Object ? outputs
                : resource.TryGetProperty("inputs", out var inputs) && inputs.ValueKind == JsonValueKind.Object ? inputs : default;
            var isCustomer = type == WholesaleCustomerResource.TypeToken;
            declared.Add(new DeclaredResource(StackOf(urn, path), type, NameOf(urn, id), id,
                Label: Text(state, isCustomer ? "externalId" : "email"),
                CustomerId: isCustomer ? null : Text(state, "customerId"),
                SubPartner: Text(state, "onBehalfOfSubPartnerOrgId"),
                Packages: Strings(state, "packages")));
        }

        return declared;
    }

    /// <summary><c>urn:pulumi:{stack}::{project}::{type}::{name}</c> → <c>{project}/{stack}</c>; the file's name when the URN is not one.</summary>
    private static string StackOf(string urn, string path)
    {
        var parts = urn.Split("::");
        return parts.Length >= 4 && parts[0].StartsWith("urn:pulumi:", StringComparison.Ordinal)
            ? $"{parts[1]}/{parts[0]["urn:pulumi:".Length..]}"
            : Path.GetFileName(path);
    }

    private static string NameOf(string urn, string id) => urn.Split("::") is { Length: >= 4 } parts ? parts[^1] : id;

    /// <summary>A plain string member; null when absent, not a string, or a secret.</summary>
    private static string? Text(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Object && value.TryGetProperty(name, out var member) && member.ValueKind == JsonValueKind.String ? member.GetString() : null;

    private static bool Flag(JsonElement value, string name) =>
        value.TryGetProperty(name, out var member) && member.ValueKind == JsonValueKind.True;

    private static IReadOnlyList<string> Strings(JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Object && value.TryGetProperty(name, out var member) && member.ValueKind == JsonValueKind.Array
            ? [.. member.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()!)]
            : [];
}
