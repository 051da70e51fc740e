using System.Globalization;
using System.Security;
using System.Text;

namespace Campaigns.Bench;

/// <summary>Two panels of horizontal bars (cold total p50, warm p50) per function and variant, as plain SVG.</summary>
internal static class SvgChart
{
    private const int Width = 900;
    private const int LabelWidth = 170;
    private const int BarHeight = 14;
    private const int GroupGap = 10;
    private static readonly Dictionary<string, string> Colours = new() { ["aot"] = "#2b7bb9", ["jit"] = "#d9822b", ["node"] = "#c2185b", ["floor"] = "#7a9a01", ["bound"] = "#8e6bb8" };

    // The runtimes a user would choose between side by side (node beside jit), then the yardsticks.
    private static readonly string[] Order = ["aot", "jit", "node", "floor", "bound"];

    public static string Render(IReadOnlyList<Summary> summaries)
    {
        var functions = summaries.Select(s => s.Function).Distinct().ToList();
        var variants = summaries.Select(s => s.Variant).Distinct().OrderBy(Rank).ToList();
        int panelHeight = 30 + (functions.Count * ((variants.Count * BarHeight) + GroupGap));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{(2 * panelHeight) + 40}\" font-family=\"sans-serif\" font-size=\"11\">");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
        Panel(svg, 0, "Cold start total p50 (ms): init + first invocation", summaries, functions, variants, s => s.ColdP50);
        Panel(svg, panelHeight, "Warm invocation p50 (ms)", summaries, functions, variants, s => s.WarmP50);
        int x = LabelWidth;
        foreach (string variant in variants)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{(2 * panelHeight) + 15}\" width=\"12\" height=\"12\" fill=\"{Colour(variant)}\"/><text x=\"{x + 16}\" y=\"{(2 * panelHeight) + 25}\">{variant}</text>");
            x += 80;
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void Panel(StringBuilder svg, int top, string title, IReadOnlyList<Summary> summaries, List<string> functions, List<string> variants, Func<Summary, double> value)
    {
        double max = summaries.Select(value).Where(v => !double.IsNaN(v)).DefaultIfEmpty(1).Max();
        double scale = (Width - LabelWidth - 90) / Math.Max(max, 0.001);
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"10\" y=\"{top + 18}\" font-size=\"13\" font-weight=\"bold\">{SecurityElement.Escape(title)}</text>");
        int y = top + 30;
        foreach (string function in functions)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"10\" y=\"{y + (variants.Count * BarHeight / 2) + 4}\">{SecurityElement.Escape(function)}</text>");
            foreach (string variant in variants)
            {
                var summary = summaries.FirstOrDefault(s => s.Function == function && s.Variant == variant);
                double v = summary is null ? double.NaN : value(summary);
                if (!double.IsNaN(v))
                {
                    double w = Math.Max(1, v * scale);
                    svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{w:0.0}\" height=\"{BarHeight - 2}\" fill=\"{Colour(variant)}\"/>");
                    svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + w + 4:0.0}\" y=\"{y + BarHeight - 4}\">{v:0.0}</text>");
                }

                y += BarHeight;
            }

            y += GroupGap;
        }
    }

    private static int Rank(string variant) => Array.IndexOf(Order, variant) is var rank && rank >= 0 ? rank : Order.Length;

    private static string Colour(string variant) => Colours.TryGetValue(variant, out string? colour) ? colour : "#888888";
}
