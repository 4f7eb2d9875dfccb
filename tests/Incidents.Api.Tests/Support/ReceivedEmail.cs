using System.Text;
using System.Text.RegularExpressions;

namespace Incidents.Api.Tests.Support;

/// <summary>A message as the SMTP listener received it, with its subject and text body decoded from MIME.</summary>
public sealed partial record ReceivedEmail(string From, IReadOnlyList<string> Recipients, IReadOnlyDictionary<string, string> Headers, string Subject, string Body)
{
    public static ReceivedEmail Parse(string from, IReadOnlyList<string> recipients, string raw)
    {
        var split = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = split < 0 ? raw : raw[..split];
        var body = split < 0 ? "" : raw[(split + 4)..];
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        foreach (var line in head.Split("\r\n"))
        {
            if (line.Length > 0 && char.IsWhiteSpace(line[0]) && last is not null)
            {
                headers[last] += line;
            }
            else if (line.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon)
            {
                last = line[..colon].Trim();
                headers[last] = line[(colon + 1)..].Trim();
            }
        }

        var encoding = headers.GetValueOrDefault("Content-Transfer-Encoding", "").Trim().ToLowerInvariant();
        var text = encoding switch
        {
            "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(body.Replace("\r\n", "", StringComparison.Ordinal).Trim())),
            "quoted-printable" => QuotedPrintable(body),
            _ => Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(body)),
        };
        return new ReceivedEmail(from, recipients, headers, DecodeWords(headers.GetValueOrDefault("Subject", "")), text);
    }

    private static string DecodeWords(string value) =>
        EncodedWord().Replace(BetweenWords().Replace(value, "?==?"), m =>
        {
            var charset = Encoding.GetEncoding(m.Groups[1].Value);
            return string.Equals(m.Groups[2].Value, "B", StringComparison.OrdinalIgnoreCase)
                ? charset.GetString(Convert.FromBase64String(m.Groups[3].Value))
                : charset.GetString(QuotedPrintableBytes(m.Groups[3].Value.Replace('_', ' ')));
        });

    private static string QuotedPrintable(string body) => Encoding.UTF8.GetString(QuotedPrintableBytes(body.Replace("=\r\n", "", StringComparison.Ordinal)));

    private static byte[] QuotedPrintableBytes(string text)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length)
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add((byte)text[i]);
            }
        }

        return [.. bytes];
    }

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWord();

    [GeneratedRegex(@"\?=\s+=\?")]
    private static partial Regex BetweenWords();
}
