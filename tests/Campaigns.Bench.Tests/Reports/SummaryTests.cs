namespace Campaigns.Bench.Tests.Reports;

public sealed class SummaryTests
{
    [Fact]
    public void Of_TakesColdCpuP50FromEachStartsOwnSumNotTheSumOfTheP50s()
    {
        // Sums 15 and 21 ms: p50 15 (nearest rank), where init p50 (10) + first-invocation p50 (1) would say 11.
        List<ColdSample> cold =
        [
            Figures.Cold(1, "aot", 30, firstCpuMs: 5, initCpuMs: 10, minorFaults: 3100),
            Figures.Cold(2, "aot", 30, firstCpuMs: 1, initCpuMs: 20, minorFaults: 2900),
        ];

        var summary = Summary.Of(Figures.Function, "aot", cold, [], 20, 1, 1);

        summary.ColdCpuP50.ShouldBe(15);
        summary.MinorFaultsP50.ShouldBe(2900);
    }
}
