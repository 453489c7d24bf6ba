using WebexWholesale.Provider.Resources.Schema;

namespace WebexWholesale.Provider.Resources.WholesaleCustomer;

/// <summary>Settings of the meetings packages.</summary>
[SchemaType("MeetingsParameters")]
public sealed record MeetingsParametersInput
{
    /// <summary>Time zone of the customer's meeting sites. Example: <c>Europe/Berlin</c>.</summary>
    public string? Timezone { get; init; }
}
