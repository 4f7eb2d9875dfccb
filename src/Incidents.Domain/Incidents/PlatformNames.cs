using Incidents.Domain.Text;

namespace Incidents.Domain.Incidents;

/// <summary>Platform names as statements and the public page write them.</summary>
public static class PlatformNames
{
    public static LocalizedText Of(Platform platform) => platform switch
    {
        Platform.X => new("X（旧Twitter）", "X (formerly Twitter)"),
        Platform.Facebook => new("Facebook", "Facebook"),
        Platform.Instagram => new("Instagram", "Instagram"),
        Platform.Youtube => new("YouTube", "YouTube"),
        Platform.Line => new("LINE", "LINE"),
        _ => new("その他のサービス", "another service"),
    };
}
