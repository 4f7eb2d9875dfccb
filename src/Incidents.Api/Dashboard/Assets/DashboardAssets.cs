using System.Collections.Frozen;
using System.Security.Cryptography;

namespace Incidents.Api.Dashboard.Assets;

/// <summary>
/// The dashboard's stylesheet and script, embedded in the assembly and served by the app itself: nothing comes from a
/// CDN, and the service works on machines without internet. URLs carry a content hash, so browsers may cache them.
/// </summary>
public static class DashboardAssets
{
    private static readonly FrozenDictionary<string, (byte[] Content, string ContentType, string Hash)> Files = Load();

    public static string Url(string name) => $"/dashboard/assets/{name}?v={Files[name].Hash}";

    public static void MapDashboardAssets(this IEndpointRouteBuilder app) =>
        app.MapGet("/dashboard/assets/{name}", (HttpContext http, string name) =>
            {
                if (!Files.TryGetValue(name, out var file))
                {
                    return Http.Problems.Result(StatusCodes.Status404NotFound, "not-found", "Not found", $"The dashboard has no asset named '{name}'.");
                }

                http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                http.Response.Headers.ETag = $"\"{file.Hash}\"";
                http.Response.Headers.XContentTypeOptions = "nosniff";
                return Results.Bytes(file.Content, file.ContentType);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();

    private static FrozenDictionary<string, (byte[], string, string)> Load()
    {
        var assembly = typeof(DashboardAssets).Assembly;
        var files = new Dictionary<string, (byte[], string, string)>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.Contains(".Dashboard.Assets.", StringComparison.Ordinal)))
        {
            var name = resource[(resource.IndexOf(".Dashboard.Assets.", StringComparison.Ordinal) + ".Dashboard.Assets.".Length)..];
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            var type = name.EndsWith(".css", StringComparison.Ordinal) ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
            files[name] = (content, type, Convert.ToHexString(SHA256.HashData(content))[..12].ToLowerInvariant());
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
