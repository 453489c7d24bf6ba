namespace WebexWholesale.Provider.Resources.ProviderConfig;

/// <summary>The resolved configuration a configured provider works with.</summary>
public sealed record ProviderSettings(Uri BaseUrl, string AccessToken, int MaxConcurrentRequests, bool Precheck = true)
{
    // Records print their members; the token must never reach a log or an error message.
    public override string ToString() => $"ProviderSettings {{ BaseUrl = {BaseUrl}, AccessToken = ***, MaxConcurrentRequests = {MaxConcurrentRequests}, Precheck = {Precheck} }}";
}
