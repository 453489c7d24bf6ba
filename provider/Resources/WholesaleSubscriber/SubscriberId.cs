namespace WebexWholesale.Provider.Resources.WholesaleSubscriber;

/// <summary>Webex subscriber ids (<see cref="WebexId"/>).</summary>
public static class SubscriberId
{
    private const string Example = "Y2lzY29zcGFyazovL3VzL1NVQlNDUklCRVIv";

    public static string? Problem(string id) => WebexId.Problem(id, "subscriber", Example);

    public static void Require(string id) => WebexId.Require(id, "subscriber", Example);
}
