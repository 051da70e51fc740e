using System.Globalization;
using System.Security;
using System.Text;

namespace Campaigns.Bench.ListScale;

/// <summary>Three panels of bars by number of ended campaigns: p50 ms, calls and read units per page, as plain SVG.</summary>
internal static class ListScaleChart
{
    private const int PanelWidth = 280;
    private const int Height = 260;
    private const int Top = 40;
    private const int Bottom = 40;

    public static string Render(IReadOnlyList<ListScalePoint> points, ListScaleOptions options)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{PanelWidth * 3}\" height=\"{Height + 20}\" font-family=\"sans-serif\" font-size=\"11\">");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
        Panel(svg, 0, "p50 ms per page", points, p => p.P50Ms, "0.0", "#2b7bb9");
        Panel(svg, PanelWidth, "DynamoDB calls per page (max)", points, p => p.MaxCalls, "0", "#d9822b");
        Panel(svg, 2 * PanelWidth, "Read units per page (mean)", points, p => p.MeanReadUnits, "0.00", "#7a9a01");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"10\" y=\"{Height + 12}\">{Escape($"x: ended campaigns beside {options.Live} live ones; limit={options.Limit}; DynamoDB Local")}</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void Panel(StringBuilder svg, int left, string title, IReadOnlyList<ListScalePoint> points, Func<ListScalePoint, double> value, string format, string colour)
    {
        double max = Math.Max(points.Max(value), 1e-9);
        int plot = Height - Top - Bottom;
        int slot = (PanelWidth - 40) / Math.Max(points.Count, 1);
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + 10}\" y=\"20\" font-weight=\"bold\">{Escape(title)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left + 20}\" y1=\"{Top + plot}\" x2=\"{left + PanelWidth - 20}\" y2=\"{Top + plot}\" stroke=\"#888\"/>");
        for (int i = 0; i < points.Count; i++)
        {
            double v = value(points[i]);
            int barHeight = (int)Math.Round(v / max * plot);
            int x = left + 20 + (i * slot) + (slot / 4);
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{Top + plot - barHeight}\" width=\"{slot / 2}\" height=\"{barHeight}\" fill=\"{colour}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (slot / 4)}\" y=\"{Top + plot - barHeight - 4}\" text-anchor=\"middle\">{v.ToString(format, CultureInfo.InvariantCulture)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (slot / 4)}\" y=\"{Top + plot + 14}\" text-anchor=\"middle\">{points[i].Ended.ToString("N0", CultureInfo.InvariantCulture)}</text>");
        }
    }

    private static string Escape(string text) => SecurityElement.Escape(text);
}
