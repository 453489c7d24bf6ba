namespace WebexWholesale.Provider.Webex;

/// <summary>
/// How Webex tells subscribers' e-mail addresses apart: without regard to case. Every comparison of an e-mail Webex
/// returned uses <see cref="Comparer"/>; a filter sends the address as the program gave it, since case-mapping it
/// first can turn one address into another (the Kelvin sign K lower-cases to an ASCII k).
/// </summary>
public static class SubscriberEmail
{
    public static readonly StringComparer Comparer = StringComparer.OrdinalIgnoreCase;
}
