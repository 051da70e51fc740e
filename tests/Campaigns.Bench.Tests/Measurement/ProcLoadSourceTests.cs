namespace Campaigns.Bench.Tests.Measurement;

public sealed class ProcLoadSourceTests
{
    [Fact]
    public void Parse_ReadsTheOneMinuteLoadAverageAndProcsRunning()
    {
        var reading = ProcLoadSource.Parse(
            "2.31 2.05 1.98 3/512 12345\n",
            "cpu  100 0 50 1000 0 0 0 0 0 0\nctxt 123\nprocs_running 3\nprocs_blocked 1\n");

        reading.ShouldBe(new LoadReading(2.31, 3));
    }

    [Fact]
    public void Parse_WithoutProcsRunning_Throws()
    {
        Should.Throw<FormatException>(() => ProcLoadSource.Parse("0.10 0.05 0.01 1/90 7\n", "cpu  1 0 1 1 0 0 0 0 0 0\nprocs_blocked 0\n"));
    }

    [Fact]
    public void Read_OnThisMachine_CountsAtLeastTheReaderAsRunning()
    {
        var source = new ProcLoadSource();

        source.Read().ProcsRunning.ShouldBeGreaterThanOrEqualTo(1);
        source.Cores.ShouldBe(Environment.ProcessorCount);
    }
}
