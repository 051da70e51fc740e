namespace Campaigns.Bench.Tests.Measurement;

public sealed class ProcLoadSourceTests
{
    [Fact]
    public void Parse_ReadsTheOneMinuteLoadAverageAndProcsRunning()
    {
        var reading = ProcLoadSource.Parse(
            "2.31 2.05 1.98 3/512 12345\n",
            "cpu  100 0 50 1000 0 0 0 0 0 0\nctxt 123\nprocs_running 3\nprocs_blocked 1\n");

        reading.ShouldBe(new LoadReading(2.31, 3, 0));
    }

    [Fact]
    public void Parse_WithoutProcsRunning_Throws()
    {
        Should.Throw<FormatException>(() => ProcLoadSource.Parse("0.10 0.05 0.01 1/90 7\n", "cpu  1 0 1 1 0 0 0 0 0 0\nprocs_blocked 0\n"));
    }

    [Fact]
    public void Read_OnThisMachine_CountsAtLeastTheReaderAsRunning()
    {
        var source = new ProcLoadSource([]);

        var reading = source.Read();

        reading.ProcsRunning.ShouldBeGreaterThanOrEqualTo(1);
        reading.OwnRunning.ShouldBeGreaterThanOrEqualTo(1);
        source.Cores.ShouldBe(Environment.ProcessorCount);
    }

    [Theory]
    [InlineData("42 (bootstrap) R 1 42 42 0 -1", true)]
    [InlineData("42 (a) R (b)) S 1 42 42 0 -1", false)]
    [InlineData("42 (a) S (b)) R 1 42 42 0 -1", true)]
    [InlineData("42 (java) S 1 42 42 0 -1", false)]
    [InlineData("42 (java) D 1 42 42 0 -1", false)]
    public void IsRunnable_ReadsTheStateAfterTheLastParenthesis(string stat, bool runnable)
    {
        ProcLoadSource.IsRunnable(stat).ShouldBe(runnable);
    }

    [Fact]
    public void Read_CountsTheRunnableThreadsOfTheBenchItsChildrenAndTheGivenPidsOnly()
    {
        string proc = Directory.CreateTempSubdirectory("proc-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(proc, "loadavg"), "3.00 2.00 1.00 9/300 999\n");
            File.WriteAllText(Path.Combine(proc, "stat"), "procs_running 9\n");
            Task(proc, pid: 10, tid: 10, "R", children: "20");   // the bench's sampler, which started 20
            Task(proc, pid: 10, tid: 11, "S");
            Task(proc, pid: 20, tid: 20, "R", children: "21");   // a function, which started 21
            Task(proc, pid: 20, tid: 22, "R");
            Task(proc, pid: 21, tid: 21, "S");
            Task(proc, pid: 30, tid: 30, "R");                   // DynamoDB Local, given
            Task(proc, pid: 30, tid: 31, "R");
            Task(proc, pid: 40, tid: 40, "R");                   // another build: not the run's

            var reading = new ProcLoadSource([30, 77], proc, selfPid: 10).Read();

            reading.ShouldBe(new LoadReading(3.0, 9, OwnRunning: 5));
        }
        finally
        {
            Directory.Delete(proc, recursive: true);
        }
    }

    private static void Task(string proc, int pid, int tid, string state, string children = "")
    {
        string dir = Path.Combine(proc, $"{pid}", "task", $"{tid}");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "stat"), $"{tid} (name with) spaces) {state} 1 {pid} {pid} 0 -1\n");
        File.WriteAllText(Path.Combine(dir, "children"), children);
    }
}
