using System.Text.Json.Serialization;
using WebexWholesale.Provider.Resources.Schema;
using WebexWholesale.Provider.Resources.WholesaleCustomer;

namespace WebexWholesale.Provider.Resources.WholesaleSubscriber;

/// <summary>What only Webex can tell about a subscriber; the state is the inputs plus these.</summary>
public sealed record WholesaleSubscriberOutputs
{
    /// <summary>The Webex person id of the subscriber, once provisioned (absent while the user has not accepted the move of a free account). Example: <c>Y2lzY29zcGFyazovL3VzL1BFT1BMRS8x</c>.</summary>
    public string? PersonId { get; init; }

    /// <summary>The externalId of the subscriber's customer. Example: <c>acme-0001</c>.</summary>
    public string? ExternalCustomerId { get; init; }

    /// <summary><c>provisioned</c>, or <c>pending_user_migration</c> while the person, who has an active free Webex account, has not accepted the e-mail that moves it to this customer (there is no time limit; a refresh shows when it happened). Example: <c>provisioned</c>.</summary>
    [Required]
    public string? Status { get; init; }

    /// <summary>What failed when Webex provisioned the subscriber. Example: <c>[{errorCode: 10022, description: ...}]</c>.</summary>
    public IReadOnlyList<WebexMessageOutput>? Errors { get; init; }

    /// <summary>When Webex created the subscriber (ISO 8601). Example: <c>2026-12-07T09:30:00.000Z</c>.</summary>
    public string? Created { get; init; }

    /// <summary>When the subscriber's status last changed (ISO 8601). Example: <c>2026-12-07T09:35:00.000Z</c>.</summary>
    public string? LastStatusChange { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WholesaleSubscriberInputs))]
[JsonSerializable(typeof(WholesaleSubscriberOutputs))]
public sealed partial class WholesaleSubscriberJson : JsonSerializerContext;
