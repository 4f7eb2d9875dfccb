using Incidents.Domain.Decisions;
using Incidents.Domain.Incidents;
using Incidents.Domain.Incidents.Commands;
using Incidents.Domain.Incidents.Events;
using Incidents.Domain.Incidents.Rules;
using Incidents.Domain.Tests.Scenarios;

namespace Incidents.Domain.Tests.Rules;

/// <summary>The service records that a password changed, never the password (000 §6(4); 002 §4(1)).</summary>
public sealed class SecretTextTests
{
    [Theory]
    [InlineData("password: hunter2")]
    [InlineData("パスワード：abc123")]
    [InlineData("新しいパスワードは Misato2026")]
    [InlineData("PASSWORD=hunter2")]
    [InlineData("pwd ＝ x")]
    [InlineData("api key: sk-live-123")]
    [InlineData("access_token=abc")]
    [InlineData("暗証番号は1234")]
    [InlineData("パスコード：9999")]
    [InlineData("秘密鍵: -----BEGIN")]
    [InlineData("the password is Hunter2!")]
    public void Text_that_carries_a_secret_is_recognised(string text)
    {
        Assert.True(SecretText.LooksLikeSecret(text));
    }

    [Theory]
    [InlineData("ｐａｓｓｗｏｒｄ：ｈｕｎｔｅｒ２")]
    [InlineData("Ｐａｓｓｗｏｒｄ = hunter2")]
    [InlineData("pass\u200Bword: hunter2")]
    [InlineData("pass\u200Dword\u2060: hunter2")]
    [InlineData("\u202Epassword: hunter2")]
    [InlineData("api\uFEFF_key=abcdef")]
    public void A_secret_disguised_as_full_width_letters_or_split_by_invisible_characters_is_recognised(string text)
    {
        Assert.True(SecretText.LooksLikeSecret(text));
    }

    [Fact]
    public void Text_that_cannot_be_normalised_is_checked_as_it_is()
    {
        Assert.False(SecretText.LooksLikeSecret("\uFFFF\uFFFE 変更済み"));
        Assert.True(SecretText.LooksLikeSecret("\uFFFF password: hunter2"));
    }

    [Theory]
    [InlineData("ｐａｓｓｗｏｒｄは変更済み")]
    [InlineData("pass\u200Bword was changed")]
    public void Text_that_only_mentions_a_password_is_not_a_secret_in_full_width_either(string text)
    {
        Assert.False(SecretText.LooksLikeSecret(text));
    }

    [Theory]
    [InlineData("パスワードを変更しました")]
    [InlineData("The password was changed at 10:05")]
    [InlineData("二段階認証を有効にした")]
    [InlineData("パスワードは変更済み")]
    [InlineData("password is changed")]
    [InlineData("bypass is on")]
    [InlineData("the boarding pass is printed")]
    [InlineData("")]
    [InlineData(null)]
    public void Text_that_only_mentions_a_password_is_not_a_secret(string? text)
    {
        Assert.False(SecretText.LooksLikeSecret(text));
    }

    [Theory]
    [InlineData("password: hunter2")]
    [InlineData("パスワード：abc123")]
    public void Recording_a_rotation_whose_note_carries_the_password_is_refused(string note)
    {
        var given = Given.Reported(IncidentKind.AccountTakeover);

        given.Decide(new RecordPasswordRotation(note), Actors.Reporter).ShouldRefuse(RefusalKind.Invalid, "secret-in-text");
    }

    [Fact]
    public void Recording_a_rotation_whose_note_only_says_it_changed_is_accepted()
    {
        var given = Given.Reported(IncidentKind.AccountTakeover);

        var rotated = given.Decide(new RecordPasswordRotation("パスワードを変更しました"), Actors.Reporter).ShouldAccept().Single<PasswordRotated>();

        Assert.Equal("パスワードを変更しました", rotated.Note);
    }

    [Fact]
    public void The_first_secret_among_several_texts_refuses_them_all()
    {
        var refusal = SecretText.Check("問題なし", null, "password: hunter2");

        Assert.Equal((RefusalKind.Invalid, "secret-in-text"), (refusal!.Kind, refusal.Code));
        Assert.Null(SecretText.Check("問題なし", null));
    }
}
