using System.Text.Json.Serialization.Metadata;
using WebexWholesale.Provider.Resources.Schema;
using WebexWholesale.Provider.Resources.WholesaleSubscriber;
using WebexWholesale.Provider.Webex;

namespace WebexWholesale.Provider.Resources.Functions;

/// <summary>Arguments of <c>getWholesaleSubscriber</c>.</summary>
public sealed record GetWholesaleSubscriberArgs
{
    /// <summary>The Webex subscriber id.</summary>
    [Required]
    public string? Id { get; init; }

    /// <summary>Look the subscriber up on behalf of this sub-partner organization.</summary>
    public string? OnBehalfOfSubPartnerOrgId { get; init; }
}

/// <summary>Looks up one Webex Wholesale subscriber by its Webex id.</summary>
public sealed class GetWholesaleSubscriber : ICustomFunction<GetWholesaleSubscriberArgs, SubscriberDetails>
{
    public const string FunctionToken = "webex-wholesale:index:getWholesaleSubscriber";

    public string Token => FunctionToken;
    public JsonTypeInfo<GetWholesaleSubscriberArgs> ArgsType => SubscriberLookupJson.Default.GetWholesaleSubscriberArgs;
    public JsonTypeInfo<SubscriberDetails> ResultType => SubscriberLookupJson.Default.SubscriberDetails;

    public async Task<FunctionResult<SubscriberDetails>> InvokeAsync(GetWholesaleSubscriberArgs args, ResourceContext context)
    {
        if (args.Id is null)
        {
            return FunctionResult.Fail<SubscriberDetails>("id", "is required: the Webex subscriber id");
        }

        if (SubscriberId.Problem(args.Id) is { } problem)
        {
            return FunctionResult.Fail<SubscriberDetails>("id", problem);
        }

        var found = await context.RequireProvider().Subscribers.GetAsync(args.Id, args.OnBehalfOfSubPartnerOrgId, context.Cancellation);
        return found is null
            ? FunctionResult.Fail<SubscriberDetails>("id", $"no Webex Wholesale subscriber has id '{Echo.Of(args.Id)}'")
            : FunctionResult.Of(SubscriberDetails.From(found));
    }
}

/// <summary>Arguments of <c>getWholesaleSubscribers</c>: Webex's list filters, all optional.</summary>
public sealed record GetWholesaleSubscribersArgs
{
    /// <summary>Only the subscribers of this customer (Webex id).</summary>
    public string? CustomerId { get; init; }

    /// <summary>Only the subscriber with this Webex person id.</summary>
    public string? PersonId { get; init; }

    /// <summary>Only the subscribers of the customer with this externalId.</summary>
    public string? ExternalCustomerId { get; init; }

    /// <summary>Only the subscriber with this e-mail address.</summary>
    public string? Email { get; init; }

    /// <summary>Only subscribers with one of these statuses (<c>provisioned</c>, <c>pending_user_migration</c>).</summary>
    public IReadOnlyList<string>? Status { get; init; }

    /// <summary>Only subscribers created after this time (epoch milliseconds or ISO 8601).</summary>
    public string? After { get; init; }

    /// <summary>Only subscribers whose status changed after this time (epoch milliseconds or ISO 8601).</summary>
    public string? LastStatusChange { get; init; }

    /// <summary>Order by <c>created</c> (Webex's default) or <c>lastStatusChange</c>.</summary>
    public string? SortBy { get; init; }

    /// <summary><c>ASC</c> or <c>DESC</c>.</summary>
    public string? SortOrder { get; init; }

    /// <summary>List on behalf of this sub-partner organization.</summary>
    public string? OnBehalfOfSubPartnerOrgId { get; init; }
}

/// <summary>What <c>getWholesaleSubscribers</c> returns.</summary>
public sealed record GetWholesaleSubscribersResult
{
    /// <summary>The subscribers found, over every page.</summary>
    [Required]
    public required IReadOnlyList<SubscriberDetails> Subscribers { get; init; }
}

/// <summary>Lists the Webex Wholesale subscribers matching the filters, following every page.</summary>
public sealed class GetWholesaleSubscribers : ICustomFunction<GetWholesaleSubscribersArgs, GetWholesaleSubscribersResult>
{
    public const string FunctionToken = "webex-wholesale:index:getWholesaleSubscribers";

    public string Token => FunctionToken;
    public JsonTypeInfo<GetWholesaleSubscribersArgs> ArgsType => SubscriberLookupJson.Default.GetWholesaleSubscribersArgs;
    public JsonTypeInfo<GetWholesaleSubscribersResult> ResultType => SubscriberLookupJson.Default.GetWholesaleSubscribersResult;

    public async Task<FunctionResult<GetWholesaleSubscribersResult>> InvokeAsync(GetWholesaleSubscribersArgs args, ResourceContext context)
    {
        if (args.SortBy is { } sortBy && sortBy is not ("created" or "lastStatusChange"))
        {
            return FunctionResult.Fail<GetWholesaleSubscribersResult>("sortBy", $"'{Echo.Of(sortBy)}' is not created or lastStatusChange");
        }

        if (args.SortOrder is { } sortOrder && sortOrder is not ("ASC" or "DESC"))
        {
            return FunctionResult.Fail<GetWholesaleSubscribersResult>("sortOrder", $"'{Echo.Of(sortOrder)}' is not ASC or DESC");
        }

        var filter = new SubscriberListFilter
        {
            CustomerId = args.CustomerId, PersonId = args.PersonId, ExternalCustomerId = args.ExternalCustomerId, Email = args.Email, Status = args.Status,
            After = args.After, LastStatusChange = args.LastStatusChange, SortBy = args.SortBy, SortOrder = args.SortOrder, PageSize = 100,
        };
        var subscribers = new List<SubscriberDetails>();
        await foreach (var subscriber in context.RequireProvider().Subscribers.ListAsync(filter, args.OnBehalfOfSubPartnerOrgId, context.Cancellation))
        {
            subscribers.Add(SubscriberDetails.From(subscriber));
        }

        return FunctionResult.Of(new GetWholesaleSubscribersResult { Subscribers = subscribers });
    }
}

/// <summary>Arguments of <c>getWholesaleSubPartners</c>.</summary>
public sealed record GetWholesaleSubPartnersArgs
{
    /// <summary>Only sub-partners in this state: <c>active</c> or <c>suspended</c>.</summary>
    public string? ProvisioningState { get; init; }
}

/// <summary>What <c>getWholesaleSubPartners</c> returns.</summary>
public sealed record GetWholesaleSubPartnersResult
{
    /// <summary>The sub-partners found, over every page.</summary>
    [Required]
    public required IReadOnlyList<SubPartnerDetails> SubPartners { get; init; }
}

/// <summary>Lists the partner's sub-partners (scope <c>spark-admin:wholesale_sub_partners_read</c>), following every page.</summary>
public sealed class GetWholesaleSubPartners : ICustomFunction<GetWholesaleSubPartnersArgs, GetWholesaleSubPartnersResult>
{
    public const string FunctionToken = "webex-wholesale:index:getWholesaleSubPartners";

    public string Token => FunctionToken;
    public JsonTypeInfo<GetWholesaleSubPartnersArgs> ArgsType => SubscriberLookupJson.Default.GetWholesaleSubPartnersArgs;
    public JsonTypeInfo<GetWholesaleSubPartnersResult> ResultType => SubscriberLookupJson.Default.GetWholesaleSubPartnersResult;

    public async Task<FunctionResult<GetWholesaleSubPartnersResult>> InvokeAsync(GetWholesaleSubPartnersArgs args, ResourceContext context)
    {
        if (args.ProvisioningState is { } state && state is not ("active" or "suspended"))
        {
            return FunctionResult.Fail<GetWholesaleSubPartnersResult>("provisioningState", $"'{Echo.Of(state)}' is not active or suspended");
        }

        var subPartners = new List<SubPartnerDetails>();
        await foreach (var subPartner in context.RequireProvider().Subscribers.ListSubPartnersAsync(args.ProvisioningState, context.Cancellation))
        {
            subPartners.Add(SubPartnerDetails.From(subPartner));
        }

        return FunctionResult.Of(new GetWholesaleSubPartnersResult { SubPartners = subPartners });
    }
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
[System.Text.Json.Serialization.JsonSerializable(typeof(GetWholesaleSubscriberArgs))]
[System.Text.Json.Serialization.JsonSerializable(typeof(GetWholesaleSubscribersArgs))]
[System.Text.Json.Serialization.JsonSerializable(typeof(GetWholesaleSubPartnersArgs))]
[System.Text.Json.Serialization.JsonSerializable(typeof(SubscriberDetails))]
[System.Text.Json.Serialization.JsonSerializable(typeof(GetWholesaleSubscribersResult))]
[System.Text.Json.Serialization.JsonSerializable(typeof(GetWholesaleSubPartnersResult))]
public sealed partial class SubscriberLookupJson : System.Text.Json.Serialization.JsonSerializerContext;
