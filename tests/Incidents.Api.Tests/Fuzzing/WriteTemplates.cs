namespace Incidents.Api.Tests.Fuzzing;

/// <summary>
/// A valid request for every write endpoint, as JSON text with placeholders that <see cref="FuzzWorld"/> fills:
/// «n» a number unique to the case, «duplicate» an incident to merge, «user» a user to act on, «token» a token's id.
/// Null body: the endpoint takes no fields (a body, if sent, must still be a clean JSON object).
/// </summary>
public static class WriteTemplates
{
    public static readonly IReadOnlyDictionary<string, string?> Bodies = new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["/api/me/tokens/rotate"] = """{"expiresInDays":30}""",
        ["/api/me/tokens/{tokenId}/revoke"] = null,
        ["/api/admin/users"] = """{"name":"fuzz-user-«n»","roles":["staff"],"email":"fuzz«n»@town.example.jp","expiresInDays":7}""",
        ["/api/admin/users/{name}/tokens"] = """{"expiresInDays":1}""",
        ["/api/admin/users/{name}/revoke-tokens"] = null,
        ["/api/admin/users/{name}/disable"] = null,
        ["/api/incidents"] = """
            {"kind":"impersonation","platform":"x","accountHandle":"@fuzz_«n»","accountUrl":"https://x.com/fuzz_«n»",
             "whatWasSeen":"町のロゴを使った偽アカウント","evidenceUrls":["https://x.com/fuzz_«n»/status/1"],
             "department":"総務課","reporterContact":"内線 1234"}
            """,
        ["/api/incidents/{id}/acknowledge"] = null,
        ["/api/incidents/{id}/assign"] = """{"assignee":"佐藤"}""",
        ["/api/incidents/{id}/steps/{stepKey}/assign"] = """{"assignee":"佐藤"}""",
        ["/api/incidents/{id}/steps/{stepKey}/complete"] = """{"note":"対応済み"}""",
        ["/api/incidents/{id}/steps/{stepKey}/waive"] = """{"reason":"ホームページでの注意喚起で十分"}""",
        ["/api/incidents/{id}/report-to-officers"] = """{"recipients":["ciso","general-affairs"],"note":"電話で報告"}""",
        ["/api/incidents/{id}/request-takedown"] = """{"targetUrl":"https://x.com/fuzz_target","reference":"X report «n»"}""",
        ["/api/incidents/{id}/record-platform-answer"] = """{"outcome":"acknowledged","note":"受付番号 «n»"}""",
        ["/api/incidents/{id}/record-password-rotation"] = """{"note":"管理画面で変更"}""",
        ["/api/incidents/{id}/record-deleted-posts"] = """{"postUrls":["https://x.com/misato/status/«n»"],"note":"削除"}""",
        ["/api/incidents/{id}/record-pc-scan"] = """{"deviceName":"PC-«n»","result":"clean","findings":"なし"}""",
        ["/api/incidents/{id}/record-police-contact"] = """{"station":"美里警察署","caseReference":"R-«n»","note":"相談"}""",
        ["/api/incidents/{id}/record-spread-check"] = """{"spread":true,"copyUrls":["https://x.com/copy/status/«n»"]}""",
        ["/api/incidents/{id}/draft-statement"] = """{"kind":"warning","channels":["homepage","official-account"],"text":"偽アカウントにご注意ください «n»","linkUrl":"https://www.town.example.jp/news/«n»"}""",
        ["/api/incidents/{id}/statements/{statementId}/revise"] = """{"text":"偽アカウントにご注意ください（改訂 «n»）"}""",
        ["/api/incidents/{id}/statements/{statementId}/approve"] = null,
        ["/api/incidents/{id}/statements/{statementId}/publish"] = """{"publishedUrl":"https://www.town.example.jp/news/«n»"}""",
        ["/api/incidents/{id}/resolve"] = """{"summary":"偽アカウントは削除された"}""",
        ["/api/incidents/{id}/close"] = null,
        ["/api/incidents/{id}/reopen"] = """{"reason":"再発","stepKeys":["request-takedown"]}""",
        ["/api/incidents/{id}/link-genuine-account"] = """{"genuineAccount":"@fuzz_official"}""",
        ["/api/incidents/{id}/merge"] = """{"duplicateId":"«duplicate»","reason":"同じ偽アカウント"}""",
        ["/api/accounts"] = """
            {"platform":"x","handle":"@fuzz_acct_«n»","url":"https://x.com/fuzz_acct_«n»","displayName":"美里町公式","department":"総務課",
             "purpose":"防災情報","content":"イベント","postingSchedule":"平日","replyPolicy":"返信しません","approvedBy":"総務課長",
             "operationPeriod":"常時","homepageUrl":"https://www.town.example.jp/sns/"}
            """,
        ["/api/accounts/{id}/change"] = """{"approvedBy":"総務課長","purpose":"防災情報 «n»","postingSchedule":"毎日"}""",
        ["/api/accounts/{id}/add-to-public-list"] = null,
        ["/api/accounts/{id}/verified-badge"] = """{"verified":true,"note":"認証済み"}""",
        ["/api/accounts/{id}/notify-abolition"] = """{"reason":"purpose-achieved","note":"統合","plannedClosingAt":"2099-01-01T00:00:00Z"}""",
        ["/api/accounts/{id}/remove-from-public-list"] = null,
        ["/api/accounts/{id}/close"] = """{"note":"削除"}""",
        ["/api/accounts/{id}/close-now"] = """{"threat":"乗っ取られた"}""",
        ["/api/webhooks"] = """{"url":"http://127.0.0.1:9/fuzz/«n»","description":"fuzz «n»","types":["jp.incidents.incident.reported"]}""",
        ["/api/webhooks/{id}/disable"] = null,
        ["/api/projections/{name}/rebuild"] = null,
        ["/api/projections/{name}/resume"] = null,
    };

    /// <summary>Commands on a versioned stream: they need If-Match.</summary>
    public static bool TakesIfMatch(string route) =>
        route.Contains("{id}", StringComparison.Ordinal) &&
        (route.StartsWith("/api/incidents/", StringComparison.Ordinal) || route.StartsWith("/api/accounts/", StringComparison.Ordinal));

    /// <summary>Endpoints that run through the command pipeline, where Idempotency-Key replays the first answer.</summary>
    public static bool HonoursIdempotencyKey(string route) =>
        route.StartsWith("/api/incidents", StringComparison.Ordinal) || route.StartsWith("/api/accounts", StringComparison.Ordinal);
}
