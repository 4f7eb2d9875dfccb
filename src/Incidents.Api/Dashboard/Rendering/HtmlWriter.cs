using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Incidents.Api.Dashboard.Rendering;

/// <summary>
/// Builds HTML (and inline SVG) with every text and attribute value encoded, so nothing a user recorded can become
/// markup. Japanese stays readable; only characters that matter to HTML are escaped.
/// </summary>
public sealed class HtmlWriter
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly StringBuilder _html = new();

    /// <summary>Markup written by the dashboard's own code; never pass it anything a user typed.</summary>
    public HtmlWriter Markup(string markup)
    {
        _html.Append(markup);
        return this;
    }

    public HtmlWriter Text(string? text)
    {
        if (text is not null)
        {
            _html.Append(Encoder.Encode(text));
        }

        return this;
    }

    /// <summary>Opens an element; attributes with a null value are left out, an empty value writes a bare attribute.</summary>
    public HtmlWriter Open(string tag, params (string Name, string? Value)[] attributes)
    {
        _html.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is null)
            {
                continue;
            }

            _html.Append(' ').Append(name);
            if (value.Length > 0)
            {
                _html.Append("=\"").Append(Encoder.Encode(value)).Append('"');
            }
        }

        _html.Append('>');
        return this;
    }

    public HtmlWriter Close(string tag)
    {
        _html.Append("</").Append(tag).Append('>');
        return this;
    }

    public HtmlWriter Element(string tag, string? text, params (string Name, string? Value)[] attributes) =>
        Open(tag, attributes).Text(text).Close(tag);

    /// <summary>A void element (input, meta, link) or a self-closed SVG shape.</summary>
    public HtmlWriter Empty(string tag, params (string Name, string? Value)[] attributes)
    {
        Open(tag, attributes);
        if (!IsHtmlVoid(tag))
        {
            _html.Length--;
            _html.Append("/>");
        }

        return this;
    }

    public override string ToString() => _html.ToString();

    private static bool IsHtmlVoid(string tag) => tag is "input" or "meta" or "link" or "br" or "hr" or "img";
}
