using System.Globalization;

namespace Incidents.Api.Http;

/// <summary>
/// The page of a list that one answer carries: <c>page</c> from 1 and <c>pageSize</c> up to <see cref="MaxPageSize"/>
/// (anything else is 400). The body keeps its shape; <c>X-Total-Count</c> says how many there are and a <c>Link</c>
/// header (RFC 8288) points to the next and previous pages.
/// </summary>
public sealed record ListPaging(int Page, int PageSize)
{
    public const int MaxPageSize = 100;
    private const int MaxPage = 100_000;

    public static ListPaging From(HttpRequest request) =>
        new(Number(request, "page", 1, MaxPage), Number(request, "pageSize", MaxPageSize, MaxPageSize));

    /// <summary>The page of <paramref name="all"/> this request asked for, with the headers that describe the rest.</summary>
    public static IReadOnlyList<T> Apply<T>(HttpContext http, IReadOnlyList<T> all)
    {
        var paging = From(http.Request);
        var items = all.Skip((paging.Page - 1) * paging.PageSize).Take(paging.PageSize).ToList();
        var headers = http.Response.Headers;
        headers["X-Total-Count"] = all.Count.ToString(CultureInfo.InvariantCulture);
        var links = new List<string>();
        if ((long)paging.Page * paging.PageSize < all.Count)
        {
            links.Add($"<{paging.Link(http.Request, paging.Page + 1)}>; rel=\"next\"");
        }

        if (paging.Page > 1)
        {
            links.Add($"<{paging.Link(http.Request, paging.Page - 1)}>; rel=\"prev\"");
        }

        if (links.Count > 0)
        {
            headers.Link = string.Join(", ", links);
        }

        return items;
    }

    private string Link(HttpRequest request, int page) =>
        $"{request.PathBase}{request.Path}?page={page.ToString(CultureInfo.InvariantCulture)}&pageSize={PageSize.ToString(CultureInfo.InvariantCulture)}";

    private static int Number(HttpRequest request, string name, int fallback, int max)
    {
        var text = request.Query[name].ToString();
        return text.Length == 0 ? fallback
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1 && value <= max ? value
            : throw Problems.BadRequest("invalid-query", $"Query parameter '{name}' must be a whole number from 1 to {max}.");
    }
}
