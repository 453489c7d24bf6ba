using WebexWholesale.Provider.Webex;

namespace WebexWholesale.Provider.Resources.WholesaleCustomer;

/// <summary>
/// Asks Webex's precheck API about a customer that is about to be created, and turns its answer into check failures on
/// the properties concerned and warnings. A precheck that cannot run is a warning, never a blocked preview.
/// </summary>
public static class PrecheckAdvisor
{
    /// <summary>Error code of "the e-mail already belongs to an existing user".</summary>
    public const double EmailInUse = 10022;

    /// <summary>Info code of "precheck passed".</summary>
    public const double Passed = PrecheckCall.Passed;

    /// <summary>How long a preview waits for the precheck (<see cref="PrecheckCall.Budget"/>).</summary>
    public static TimeSpan Budget => PrecheckCall.Budget;

    public static Task<PrecheckCall.Advice> AskAsync(IWholesaleCustomersClient client, WholesaleCustomerInputs inputs, TimeProvider time,
        CancellationToken cancellationToken)
    {
        // The second Check of a replacement also looks like a new customer, while the customer being replaced still
        // holds its externalId and e-mail. A collision Webex reports while a customer with this externalId exists is
        // therefore only a warning: if that customer is being replaced it is expected, and if it is not, Create stops
        // before provisioning anything and says how to import it. The holder is looked up once, and only for a collision.
        Task<string?>? holder = null;
        return PrecheckCall.AdviseAsync(
            token => client.PrecheckAsync(WholesaleCustomerMapping.ToPrecheck(inputs), inputs.OnBehalfOfSubPartnerOrgId, token), time, PropertyOf,
            async (_, property, token) => property is "externalId" or "customerInfo.primaryEmail"
                                          && await (holder ??= CustomerWithExternalIdAsync(client, inputs, token)) is { } id
                ? $"Customer {id} already has externalId '{inputs.ExternalId}': expected if it is being replaced."
                : null,
            cancellationToken);
    }

    /// <summary>The input a precheck error is about, from its code or its wording; "" when it concerns the whole customer.</summary>
    public static string PropertyOf(WebexErrorDetail error)
    {
        if (error.ErrorCode == EmailInUse)
        {
            return "customerInfo.primaryEmail";
        }

        var text = error.Description ?? "";
        bool Mentions(params string[] words) => words.Any(word => text.Contains(word, StringComparison.OrdinalIgnoreCase));
        return text switch
        {
            _ when Mentions("externalId", "external id") => "externalId",
            _ when Mentions("subPartnerAdminEmail") => "subPartnerAdminEmail",
            _ when Mentions("email", "e-mail") => "customerInfo.primaryEmail",
            _ when Mentions("location", "calling") => "provisioningParameters.calling.location",
            _ when Mentions("address", "country", "city", "postal", "state") => "address",
            _ when Mentions("package") => "packages",
            _ when Mentions("provisioningId", "template") => "provisioningId",
            _ when Mentions("orgId", "organization") => "orgId",
            _ when Mentions("name") => "customerInfo.name",
            _ => "",
        };
    }

    private static async Task<string?> CustomerWithExternalIdAsync(IWholesaleCustomersClient client, WholesaleCustomerInputs inputs, CancellationToken cancellationToken)
    {
        if (inputs.ExternalId is null)
        {
            return null;
        }

        try
        {
            return (await client.FindByExternalIdAsync(inputs.ExternalId, inputs.OnBehalfOfSubPartnerOrgId, cancellationToken))?.Id;
        }
        catch (WebexApiException)
        {
            return null; // without the answer the precheck's complaint stands as it is
        }
    }
}
