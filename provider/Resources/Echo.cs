namespace WebexWholesale.Provider.Resources;

/// <summary>A value echoed in a message to the user, shortened: a message must stay readable, and small enough to arrive.</summary>
public static class Echo
{
    public const int MaxLength = 80;

    public static string Of(string value) => value.Length <= MaxLength ? value : $"{value[..60]}… ({value.Length} characters)";
}
