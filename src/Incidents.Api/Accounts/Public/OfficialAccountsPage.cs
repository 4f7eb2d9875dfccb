using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Incidents.Api.Accounts.Views;
using Incidents.Api.Http;
using Incidents.Domain.Incidents;
using Incidents.Domain.Text;
using Incidents.Projections;
using Incidents.Projections.OfficialAccounts;

namespace Incidents.Api.Accounts.Public;

/// <summary>
/// The public page of official accounts (000 §6(3)), server-rendered for the homepage to link or embed: Japanese first
/// with English, no script, no external resources, and a form that checks an account without any script either.
/// </summary>
public static class OfficialAccountsPage
{
    public const string Path = "/official-accounts";

    /// <summary>Escapes &lt; &gt; &amp; quotes and apostrophes; leaves Japanese readable.</summary>
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(Path, async (HttpRequest request, OfficialAccountsQuery query, OfficialAccountCheck check, CancellationToken cancellationToken) =>
            {
                var form = new CheckForm(request.Query["platform"].ToString(), request.Query["account"].ToString());
                var (answer, error) = form.Account.Length == 0 ? (null, null) : await CheckAsync(form, check, cancellationToken);
                var rows = await query.ListedAsync(cancellationToken);
                var response = request.HttpContext.Response;
                PublicResponses.Cacheable(response, crossOrigin: false);
                response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'";
                response.Headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                return Results.Content(
                    Render(rows, form, answer, error), "text/html; charset=utf-8", Encoding.UTF8,
                    error is null ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();

        app.MapGet(Path + "/styles.css", (HttpResponse response) =>
            {
                response.Headers.CacheControl = "public, max-age=3600";
                return Results.Text(OfficialAccountsStylesheet.Css, "text/css; charset=utf-8");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
    }

    private const string ShortenerRefused =
        "短縮URLはリンク先を隠すため確認できません（町は短縮URLを使いません）。リンクを開き、表示されたアカウントのURLを入力してください。";

    private sealed record CheckForm(string Platform, string Account);

    private static async Task<(AccountCheckAnswer? Answer, string? Error)> CheckAsync(
        CheckForm form, OfficialAccountCheck check, CancellationToken cancellationToken)
    {
        try
        {
            if (form.Platform.Length == 0 && !form.Account.Contains('.', StringComparison.Ordinal))
            {
                return (null, "Choose the service for a handle, or give the account's full URL. サービスを選ぶか、アカウントのURLを入力してください。");
            }

            // With a service chosen, the text may be a handle or a URL; without one, only a URL says which service it is.
            var key = form.Platform.Length > 0
                ? CheckQuery.Parse(form.Platform, form.Account, null)
                : CheckQuery.Parse(null, null, form.Account);
            return (await check.CheckAsync(key, cancellationToken), null);
        }
        catch (ProblemException problem)
        {
            return (null, problem.Code == "url-shortener" ? $"{ShortenerRefused} {problem.Message}" : problem.Message);
        }
    }

    private static string Render(IReadOnlyList<OfficialAccountRow> rows, CheckForm form, AccountCheckAnswer? answer, string? error)
    {
        var page = new StringBuilder();
        page.Append($"""
            <!DOCTYPE html>
            <html lang="ja">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>公式ソーシャルメディアアカウント一覧 | Official social media accounts</title>
            <link rel="stylesheet" href="{Path}/styles.css">
            </head>
            <body>
            <header>
            <h1>公式ソーシャルメディアアカウント一覧 <span lang="en">Official social media accounts</span></h1>
            <p>町が運用している公式アカウントは次のとおりです。この一覧にないアカウントは、町の名前やロゴを使っていても町とは関係ありません。</p>
            <p lang="en">These are the town's official accounts. An account that is not on this list is not ours, even if it uses the town's name or logo.</p>
            </header>
            <main>
            <section aria-labelledby="check-heading">
            <h2 id="check-heading">アカウントの確認 <span lang="en">Check an account</span></h2>
            <form method="get" action="{Path}" role="search" aria-labelledby="check-heading">
            <label for="platform">サービス <span lang="en">Service</span></label>
            <select id="platform" name="platform">
            """);
        page.Append(Option("", new("URLから判定", "From the URL"), form.Platform));
        foreach (var platform in Enum.GetValues<Platform>())
        {
            page.Append(Option(WireName.Of(platform), PlatformNames.Of(platform), form.Platform));
        }

        page.Append($"""
            </select>
            <label for="account">アカウント名またはURL <span lang="en">Handle or URL</span></label>
            <input id="account" name="account" type="text" maxlength="2048" autocomplete="off" value="{E(form.Account)}" aria-describedby="account-hint">
            <p id="account-hint" class="hint">例: @misato_town、https://x.com/misato_town（短縮URLは確認できません） <span lang="en">For example @misato_town or https://x.com/misato_town (short links cannot be checked)</span></p>
            <button type="submit">確認する <span lang="en">Check</span></button>
            </form>
            """);
        page.Append(Result(answer, error));
        page.Append($"""
            </section>
            <section aria-labelledby="list-heading">
            <h2 id="list-heading">公式アカウント（{rows.Count}件） <span lang="en">Official accounts ({rows.Count})</span></h2>
            """);
        if (rows.Count == 0)
        {
            page.Append("<p>現在掲載している公式アカウントはありません。 <span lang=\"en\">No official accounts are listed at the moment.</span></p>\n");
        }
        else
        {
            page.Append("<ul class=\"accounts\">\n");
            foreach (var row in rows)
            {
                page.Append(Account(PublicAccountView.Of(row)));
            }

            page.Append("</ul>\n");
        }

        page.Append("""
            </section>
            </main>
            <footer>
            <p>公式アカウントのプロフィールには、このページへのリンクがあります。町はURL短縮サービスを使いません。 <span lang="en">Each official account links back to this page from its profile. The town never uses URL shorteners.</span></p>
            <p><a href="/api/public/official-accounts">機械可読データ（JSON） <span lang="en">Machine-readable data (JSON)</span></a></p>
            </footer>
            </body>
            </html>
            """);
        return page.ToString();
    }

    private static string Option(string value, LocalizedText label, string selected) =>
        $"<option value=\"{E(value)}\"{(value == selected ? " selected" : "")}>{E(label.Ja == label.En ? label.Ja : $"{label.Ja} / {label.En}")}</option>\n";

    private static string Result(AccountCheckAnswer? answer, string? error)
    {
        if (error is not null)
        {
            return $"""
                <div class="result result-error" role="alert">
                <p>確認できませんでした。 <span lang="en">The account could not be checked.</span></p>
                <p>{E(error)}</p>
                </div>

                """;
        }

        if (answer is null)
        {
            return "";
        }

        var link = answer.Account is { } account && answer.Answer != AccountCheckAnswer.NotOurs
            ? $"<p><a href=\"{E(account.Url)}\" rel=\"noopener noreferrer\">{E(account.DisplayName)}（{E(account.Handle)}）</a></p>\n"
            : "";
        return $"""
            <div class="result result-{E(answer.Answer)}" role="status">
            <p><strong>{E(answer.Message.Ja)}</strong></p>
            <p lang="en">{E(answer.Message.En)}</p>
            {link}</div>

            """;
    }

    private static string Account(PublicAccountView a)
    {
        var headingId = $"account-{a.Id:N}";
        var closing = a.PlannedClosingAt is { } planned
            ? $"<p class=\"closing\">{JapanDate.Of(planned)}に廃止予定です。 <span lang=\"en\">To be closed on {JapanDate.Of(planned)}.</span></p>\n"
            : a.Status == Domain.Accounts.AccountStatus.AbolitionNotified
                ? "<p class=\"closing\">廃止予定です。 <span lang=\"en\">To be closed.</span></p>\n"
                : "";
        var verified = a.Verified ? " <span class=\"verified\">認証済み <span lang=\"en\">Verified</span></span>" : "";
        var homepage = a.HomepageUrl is { } page
            ? Field("紹介ページ", "About page", $"<a href=\"{E(page)}\">{E(page)}</a>") + "\n"
            : "";
        var period = a.OperationPeriod is { } operation ? Field("運用期間", "Operating period", E(operation)) + "\n" : "";
        return $"""
            <li>
            <article aria-labelledby="{headingId}">
            <h3 id="{headingId}">{E(a.DisplayName)}{verified}</h3>
            {closing}<dl>
            {Field("サービス", "Service", $"{E(a.PlatformName.Ja)} <span lang=\"en\">{E(a.PlatformName.En)}</span>")}
            {Field("アカウント", "Account", $"<a href=\"{E(a.Url)}\" rel=\"noopener noreferrer\">{E(a.Handle)}</a>")}
            {Field("URL", "URL", E(a.Url))}
            {Field("担当課", "Department", E(a.Department))}
            {Field("目的", "Purpose", E(a.Purpose))}
            {Field("発信内容", "Content", E(a.Content))}
            {Field("発信の時間・頻度", "Posting hours and frequency", E(a.PostingSchedule))}
            {Field("返信・意見への対応", "Replies and comments", E(a.ReplyPolicy))}
            {period}{homepage}</dl>
            </article>
            </li>

            """;
    }

    private static string Field(string ja, string en, string valueHtml) =>
        $"<dt>{ja} <span lang=\"en\">{en}</span></dt><dd>{valueHtml}</dd>";

    private static string E(string text) => Html.Encode(text);
}
