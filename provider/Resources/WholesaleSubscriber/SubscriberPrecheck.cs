using WebexWholesale.Provider.Webex;
using WebexWholesale.Provider.Webex.Fleet;

namespace WebexWholesale.Provider.Resources.WholesaleSubscriber;

/// <summary>
/// Asks Webex's subscriber precheck about a subscriber that is about to be created, within the precheck budget
/// (<see cref="PrecheckCall"/>), and turns its answer into check failures on the properties concerned and warnings.
/// </summary>
public static class SubscriberPrecheck
{
    /// <summary>Error code of "the e-mail is already associated with an existing user".</summary>
    public const double EmailInUse = 10022;

    public static Task<PrecheckCall.Advice> AskAsync(SubscriberFleet client, WholesaleSubscriberInputs inputs, TimeProvider time, CancellationToken cancellationToken) =>
        PrecheckCall.AdviseAsync(
            token => client.PrecheckAsync(WholesaleSubscriberMapping.ToPrecheck(inputs), inputs.OnBehalfOfSubPartnerOrgId, token), time, PropertyOf,
            // The second Check of a replacement (a new customerId) also looks like a new subscriber while the one being
            // replaced still holds the e-mail: expected then, and otherwise Create stops and says how to import it.
            async (error, _, token) =>
            {
                if (error.ErrorCode != EmailInUse)
                {
                    return null;
                }

                // Remembered so that a Create whose answer is lost never takes this holder for what it created.
                var holder = await HolderAsync(client, inputs, token);
                client.NoteHolder(inputs.Email!, holder);
                return holder is null ? null : $"Subscriber {holder} already has e-mail '{inputs.Email}': expected if it is being replaced.";
            },
            cancellationToken);

    /// <summary>The input a precheck error is about, from its code or its wording; "" when it concerns the whole subscriber.</summary>
    public static string PropertyOf(WebexErrorDetail error)
    {
        if (error.ErrorCode == EmailInUse)
        {
            return "email";
        }

        var text = error.Description ?? "";
        bool Mentions(params string[] words) => words.Any(word => text.Contains(word, StringComparison.OrdinalIgnoreCase));
        return text switch
        {
            _ when Mentions("customer") => "customerId",
            _ when Mentions("phone", "extension", "location", "firstName", "lastName", "provisioningParameters") => "provisioningParameters",
            _ when Mentions("package") => "packages",
            _ when Mentions("email", "e-mail") => "email",
            _ => "",
        };
    }

    private static async Task<string?> HolderAsync(SubscriberFleet client, WholesaleSubscriberInputs inputs, CancellationToken cancellationToken)
    {
        try
        {
            return (await client.FindByEmailAsync(inputs.Email!, inputs.OnBehalfOfSubPartnerOrgId, cancellationToken))?.Id;
        }
        catch (WebexApiException)
        {
            return null; // without the answer the precheck's complaint stands as it is
        }
    }
}
