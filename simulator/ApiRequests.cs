using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace WebexWholesale.Simulator;

/// <summary>What every simulated API reads from a request the same way: bodies, numbers, paging links.</summary>
internal static class ApiRequests
{
    public static async Task<T?> ReadBody<T>(HttpContext context, JsonTypeInfo<T> typeInfo) where T : class
    {
        try
        {
            var body = await JsonSerializer.DeserializeAsync(context.Request.Body, typeInfo, context.RequestAborted);
            if (body is not null)
            {
                return body;
            }
        }
        catch (JsonException error)
        {
            await SimulatorApp.WriteError(context, 400, $"The request body is not valid: {error.Message.Split(" Path:")[0]} at {error.Path}");
            return null;
        }

        await SimulatorApp.WriteError(context, 400, "The request body is missing.");
        return null;
    }

    public static string Origin(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}";

    public static bool TryReadInt(Microsoft.Extensions.Primitives.StringValues values, int fallback, int min, int max, out int value)
    {
        value = fallback;
        var text = values.FirstOrDefault();
        return text is null || (int.TryParse(text, CultureInfo.InvariantCulture, out value) && value >= min && value <= max);
    }

    /// <summary>Links the next page as Webex does (<c>Link: rel="next"</c>, the request's filters kept) when one follows.</summary>
    public static void LinkNextPage(HttpContext context, string path, int offset, int max, int total)
    {
        if (offset + max >= total)
        {
            return;
        }

        var next = QueryString.Create(context.Request.Query
            .Where(pair => pair.Key != "offset" && pair.Key != "max")
            .SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string?>(pair.Key, value)))
            .Append(new("max", max.ToString(CultureInfo.InvariantCulture)))
            .Append(new("offset", (offset + max).ToString(CultureInfo.InvariantCulture))));
        context.Response.Headers.Link = $"<{Origin(context)}{path}{next}>; rel=\"next\"";
    }
}
