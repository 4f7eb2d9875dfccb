using Incidents.Domain.Accounts.Addresses;
using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents;

namespace Incidents.Domain.Tests.Accounts;

public sealed class AccountKeyTests
{
    public static TheoryData<Platform, string, string> SameAccount() => new()
    {
        { Platform.X, "misato_town", "misato_town" },
        { Platform.X, "@Misato_Town", "misato_town" },
        { Platform.X, "  @misato_town  ", "misato_town" },
        { Platform.X, "＠ｍｉｓａｔｏ＿ｔｏｗｎ", "misato_town" },
        { Platform.X, "https://x.com/misato_town", "misato_town" },
        { Platform.X, "https://X.com/Misato_Town/", "misato_town" },
        { Platform.X, "http://twitter.com/misato_town", "misato_town" },
        { Platform.X, "twitter.com/misato_town", "misato_town" },
        { Platform.X, "x.com/misato_town?s=20&t=abc", "misato_town" },
        { Platform.X, "https://mobile.twitter.com/misato_town", "misato_town" },
        { Platform.X, "https://www.twitter.com/misato_town#top", "misato_town" },
        { Platform.X, "https://x.com/misato_town/status/1234567890", "misato_town" },
        { Platform.Instagram, "https://www.instagram.com/misato.town/", "misato.town" },
        { Platform.Instagram, "instagram.com/Misato.Town?igsh=abc", "misato.town" },
        { Platform.Instagram, "misato.town", "misato.town" },
        { Platform.Instagram, "https://www.instagram.com/stories/misato.town/123/", "misato.town" },
        { Platform.Facebook, "https://www.facebook.com/MisatoTown", "misatotown" },
        { Platform.Facebook, "https://m.facebook.com/misatotown/", "misatotown" },
        { Platform.Facebook, "https://www.facebook.com/profile.php?id=100064123456789", "100064123456789" },
        { Platform.Facebook, "https://www.facebook.com/people/Misato-Town/100064123456789/", "100064123456789" },
        { Platform.Youtube, "https://www.youtube.com/@MisatoTown", "misatotown" },
        { Platform.Youtube, "@misatotown", "misatotown" },
        { Platform.Youtube, "https://youtube.com/@misatotown/videos", "misatotown" },
        { Platform.Youtube, "https://www.youtube.com/c/MisatoTownChannel", "c/misatotownchannel" },
        { Platform.Youtube, "https://www.youtube.com/channel/UCabcDEF123", "channel/ucabcdef123" },
        { Platform.Youtube, "https://m.youtube.com/user/MisatoTown", "user/misatotown" },
        { Platform.Line, "https://line.me/R/ti/p/@misato", "misato" },
        { Platform.Line, "https://line.me/R/ti/p/%40Misato", "misato" },
        { Platform.Line, "line.me/ti/p/@misato", "misato" },
        { Platform.Line, "@misato", "misato" },
        { Platform.Other, "https://www.tiktok.com/@misato_town/", "tiktok.com/@misato_town" },
    };

    [Theory]
    [MemberData(nameof(SameAccount))]
    public void Handles_and_profile_urls_of_one_account_have_one_key(Platform platform, string given, string handle)
    {
        var key = AccountKey.Parse(platform, given);

        Assert.Null(key.Refusal);
        Assert.Equal(new AccountKey(platform, handle), key.Key);
    }

    [Theory]
    [InlineData("https://bit.ly/3abcd")]
    [InlineData("bit.ly/3abcd")]
    [InlineData("https://t.co/xyz")]
    [InlineData("https://tinyurl.com/misato")]
    [InlineData("https://goo.gl/abc")]
    [InlineData("https://maps.app.goo.gl/abc")]
    [InlineData("https://ow.ly/abc")]
    [InlineData("https://is.gd/abc")]
    [InlineData("https://buff.ly/abc")]
    [InlineData("https://amzn.to/abc")]
    [InlineData("https://lin.ee/abc")]
    [InlineData("https://youtu.be/abc")]
    [InlineData("https://www.bit.ly/abc")]
    public void Url_shorteners_are_refused(string url)
    {
        Assert.Equal("url-shortener", AccountKey.FromUrl(url).Refusal?.Code);
        Assert.Equal("url-shortener", UrlShorteners.Check(url)?.Code);
    }

    [Theory]
    [InlineData("https://x.com/misato_town")]
    [InlineData("https://www.town.misato.example.jp/sns/")]
    [InlineData(null)]
    public void Addresses_that_are_not_shorteners_pass_the_shortener_check(string? url)
    {
        Assert.Null(UrlShorteners.Check(url));
    }

    [Theory]
    [InlineData(Platform.X, "https://x.com/i/status/123")]
    [InlineData(Platform.X, "https://x.com/search?q=misato")]
    [InlineData(Platform.X, "https://x.com/")]
    [InlineData(Platform.Instagram, "https://www.instagram.com/p/Cxyz/")]
    [InlineData(Platform.Youtube, "https://www.youtube.com/watch?v=abc")]
    [InlineData(Platform.Facebook, "https://www.facebook.com/groups/123")]
    [InlineData(Platform.Line, "https://line.me/en/")]
    public void Urls_of_posts_searches_and_other_pages_are_not_accounts(Platform platform, string url)
    {
        Assert.Equal("not-a-profile-url", AccountKey.Parse(platform, url).Refusal?.Code);
    }

    [Fact]
    public void A_url_on_another_platform_than_the_one_named_is_refused()
    {
        var result = AccountKey.Parse(Platform.X, "https://www.instagram.com/misato.town/");

        Assert.Equal((RefusalKind.Invalid, "platform-mismatch"), (result.Refusal!.Kind, result.Refusal.Code));
    }

    [Fact]
    public void A_genuine_account_may_be_named_by_a_url_on_another_platform_than_the_incidents()
    {
        var key = AccountKey.Parse(Platform.X, "https://www.instagram.com/misato.town/", urlMayNameAnotherPlatform: true);

        Assert.Equal(new AccountKey(Platform.Instagram, "misato.town"), key.Key);
        Assert.Equal(new AccountKey(Platform.X, "misato_town"), AccountKey.Parse(Platform.X, "@misato_town", urlMayNameAnotherPlatform: true).Key);
    }

    [Fact]
    public void A_url_names_its_own_platform_when_none_is_given()
    {
        Assert.Equal(new AccountKey(Platform.Line, "misato"), AccountKey.FromUrl("https://line.me/R/ti/p/@misato").Key);
        Assert.Equal(new AccountKey(Platform.X, "misato_town"), AccountKey.FromUrl("https://twitter.com/Misato_Town").Key);
    }

    [Theory]
    [InlineData("@")]
    [InlineData("   ")]
    public void An_empty_handle_is_refused(string handle)
    {
        Assert.Equal("invalid-handle", AccountKey.Parse(Platform.X, handle).Refusal?.Code);
    }

    [Fact]
    public void A_handle_with_a_dot_is_a_handle_not_a_host()
    {
        Assert.Equal(new AccountKey(Platform.Instagram, "town.misato"), AccountKey.Parse(Platform.Instagram, "@town.misato").Key);
    }

    [Theory]
    [InlineData("\uFFFF\uFFFE")]
    [InlineData("@misato\uFFFE")]
    [InlineData("https://x.com/\uFFFE")]
    public void Text_that_cannot_be_normalised_is_refused_rather_than_thrown(string text)
    {
        Assert.Equal("invalid-handle", AccountKey.Parse(Platform.X, text).Refusal?.Code);
        Assert.Equal("invalid-handle", AccountKey.FromUrl(text, Platform.X).Refusal?.Code);
        Assert.Equal(Platform.X, AccountKey.Of(Platform.X, text).Platform);
    }

    [Fact]
    public void Text_that_does_not_parse_still_gets_a_canonical_key_for_stored_incidents()
    {
        Assert.Equal(new AccountKey(Platform.X, "https://x.com/i/status/1"), AccountKey.Of(Platform.X, "https://X.com/i/status/1"));
    }
}
