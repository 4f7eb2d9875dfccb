namespace Incidents.Api.Accounts.Public;

/// <summary>The public page's styles, served from this service so the page loads nothing from elsewhere.</summary>
public static class OfficialAccountsStylesheet
{
    public const string Css = """
        :root { color-scheme: light dark; font-family: system-ui, "Hiragino Sans", "Noto Sans JP", sans-serif; line-height: 1.7; }
        body { margin: 0 auto; max-width: 60rem; padding: 1rem; }
        [lang="en"] { color: GrayText; font-size: 0.9em; }
        h1 [lang="en"], h2 [lang="en"] { display: block; }
        form { display: grid; gap: 0.4rem; max-width: 36rem; }
        input, select, button { font: inherit; padding: 0.4rem; }
        button { justify-self: start; cursor: pointer; }
        :focus-visible { outline: 3px solid Highlight; outline-offset: 2px; }
        .hint { margin: 0; font-size: 0.9em; }
        .result { border: 2px solid; border-radius: 0.4rem; margin: 1rem 0; padding: 0.5rem 1rem; }
        .result-official { border-color: green; }
        .result-formerly-official, .result-error { border-color: darkorange; }
        .result-not-ours { border-color: firebrick; }
        .accounts { list-style: none; padding: 0; display: grid; gap: 1rem; }
        .accounts article { border: 1px solid GrayText; border-radius: 0.4rem; padding: 0 1rem; }
        .verified { font-size: 0.8em; border: 1px solid; border-radius: 1em; padding: 0 0.5em; }
        .closing { font-weight: bold; }
        dl { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: 0.2rem 1rem; }
        dt { font-weight: bold; }
        dd { margin: 0; overflow-wrap: anywhere; }
        """;
}
