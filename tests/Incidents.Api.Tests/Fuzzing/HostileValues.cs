namespace Incidents.Api.Tests.Fuzzing;

/// <summary>What attackers and broken clients send: injection strings, Unicode edge cases, bad headers, bad route values.</summary>
public static class HostileValues
{
    public static readonly string[] SqlInjection =
    [
        "' OR '1'='1", "'; DROP TABLE events; --", "\" OR \"\"=\"", "1; SELECT pg_sleep(10)--", "$1", "$1::text",
        "%' UNION SELECT token_hash FROM api_tokens --", "\\'; TRUNCATE users; --", "'); DELETE FROM streams; --",
        "incident-'||(select current_user)||'", "E'\\\\x00'", "1' AND 1=(SELECT COUNT(*) FROM pg_tables) --",
    ];

    public static readonly string[] ScriptInjection =
    [
        "<script>alert('x')</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "<svg/onload=alert(1)>",
        "{{constructor.constructor('alert(1)')()}}", "${jndi:ldap://127.0.0.1/a}", "</textarea><script>alert(1)</script>",
        "<iframe src=//127.0.0.1:9>", "' onmouseover='alert(1)", "<!--", "]]>", "<a href=\"javascript:alert(1)\">x</a>",
        "<style>*{display:none}</style>", "&lt;script&gt;", "%3Cscript%3Ealert(1)%3C/script%3E",
    ];

    /// <summary>Text a person may well type, at the edges of Unicode: direction overrides, invisible joiners, emoji, look-alikes.</summary>
    public static readonly string[] Unicode =
    [
        "\u202Egnp.exe", "a\u200Bb\u200Cc\u200Dd\uFEFFe", "👩‍👩‍👧‍👦🏳️‍🌈", "＠ｍｉｓａｔｏ＿ｔｏｗｎ", "e\u0301\u0301\u0301",
        "Z\u0335\u0321\u0322\u0347\u0353\u0344a\u0336l\u0337g\u0338o", "\uFFFF\uFFFE", "𝐀𝐁𝐂 𝟏𝟐𝟑", "\u2028\u2029", "\u00A0\u3000",
        "İıẞß", "美里町　公式アカウント", "ﾐｻﾄﾁｮｳ", "\u0085", "\u001B[31mred", "🙂🙃", "\u061C\u200E\u200F", "〄〆〇",
    ];

    /// <summary>JSON escapes that decode to text PostgreSQL cannot store or that is not Unicode at all; written into the raw JSON.</summary>
    public static readonly string[] UnstorableEscapes = ["\\ud800", "\\udfff", "a\\ud800b", "\\udc00\\ud800", "\\u0000", "a\\u0000b"];

    /// <summary>Passwords typed into free text, some disguised as full-width letters or split by invisible characters.</summary>
    public static readonly string[] PasswordsInText =
    [
        "password: hunter2", "パスワード：abc123", "ｐａｓｓｗｏｒｄ：ｈｕｎｔｅｒ２", "pass\u200Bword: hunter2", "api_key=abcdef123456",
    ];

    public static readonly string[] SecretFieldNames =
    [
        "password", "Password", "new_password", "api-key", "apiKey", "access_token", "client-secret", "パスワード", "PIN",
        "ｐａｓｓｗｏｒｄ", "pass\u200Bword", "Pass-Word",
    ];

    /// <summary>Route values as a client sends them (already percent-encoded where it would be). A NUL in a path never reaches the app: the server refuses the request line.</summary>
    public static readonly string[] RouteValues =
    [
        "../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2f", "..\\..\\windows\\win.ini", "%2500", "a%2500b", "%", "%%",
        "a%ZZ", "CON", "con.json", ".", "..", "~root", "{id}", "*", "%E2%80%AE", "%E3%80%80", "null", "undefined", "0",
        "-1", "00000000-0000-0000-0000-000000000000", "01234567-89ab-cdef-0123-456789abcdef", "' OR '1'='1",
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E", new string('a', 3000), "%F0%9F%99%82", "id;drop", "a b",
    ];

    public static readonly string[] IfMatch =
    [
        "", " ", "\"-1\"", "\"abc\"", "W/\"3\"", "\"99999999999999999999999\"", "*, \"1\"", "\"1\" \"2\"", "1", "\"1",
        "\"\"", "\"1\"\"", "W/*", "\"0x10\"", "\"1e3\"", "\"１\"", new string('9', 500), "\"2\"",
    ];

    /// <summary>An empty value is left out: the test client drops an empty header instead of sending it.</summary>
    public static readonly string[] IdempotencyKeys = [" ", "a b", new string('k', 256), "\"\"", "key\u00e9", "tab\there", "ключ", "k\u007f"];

    /// <summary>Content types the edge refuses (415) when a body comes with them.</summary>
    public static readonly string[] RefusedContentTypes =
    [
        "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonx",
        "json", "text/json-ish", "application/octet-stream",
    ];

    /// <summary>Content types that are JSON after all: the body is read as UTF-8 JSON whatever they add.</summary>
    public static readonly string[] JsonContentTypes = ["application/json; charset=utf-16", "APPLICATION/JSON", "application/problem+json", "text/json"];

    public static readonly string[] BrokenJson =
    [
        "{\"a\":1,}", "{'a':1}", "{a:1}", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":1}//c", "{\"a\":1}{}", "{\"a\":\"\\x\"}",
        "{\"a\":\"\\u12\"}", "{\"a\":\"unterminated}", "{\"a\" 1}", "{,}", "{\"a\":[1,2}", "{\"a\":01}", "{\"a\":.5}", "{\"a\":+1}",
        "{\"a\":tru}", "{\"a\":\"\u0001\"}", "}", "{{}}", "{\"a\":1]", "/* c */{}",
    ];

    public static readonly string[] NotObjects = ["[]", "[{}]", "\"text\"", "42", "null", "true", "-0.0e-0", "[[[[]]]]"];

    public static readonly string[] BadAuthorization =
    [
        "Bearer", "Bearer ", "Basic YWRtaW46YWRtaW4=", "Bearer inc_", "Bearer inc_not-a-real-token", "Digest x", "bearer  ",
    ];
}
