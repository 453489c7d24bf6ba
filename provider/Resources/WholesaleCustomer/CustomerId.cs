namespace WebexWholesale.Provider.Resources.WholesaleCustomer;

/// <summary>Webex customer ids (<see cref="WebexId"/>).</summary>
public static class CustomerId
{
    public const int MaxLength = WebexId.MaxLength;

    private const string Example = "Y2lzY29zcGFyazovL3VzL0VOVEVSUFJJU0Uv";

    public static string? Problem(string id) => WebexId.Problem(id, "customer", Example);

    public static void Require(string id) => WebexId.Require(id, "customer", Example);
}
