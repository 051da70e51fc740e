namespace Campaigns.Bench.Tests.Measurement;

public sealed class ProcStatsTests
{
    // A real line's shape, its command name holding a space and parentheses as a process may name itself.
    private const string Stat = "4242 (boot (strap) x) S 4200 4242 4200 0 -1 4194560 2817 15 3 0 12 4 0 0 20 0 9 0 123456 271138816 5631 18446744073709551615 1 1 0 0 0 0 0 4096 17663 0 0 0 17 1 0 0 0 0 0\n";

    [Fact]
    public void MinorFaultsOf_ReadsField10EvenWhenTheNameHoldsSpacesAndParentheses()
    {
        ProcStats.MinorFaultsOf(Stat).ShouldBe(2817);
    }

    [Fact]
    public void MinorFaultsOf_WhenTheLineIsCut_Throws()
    {
        Should.Throw<FormatException>(() => ProcStats.MinorFaultsOf("4242 (bootstrap) S 4200 4242"));
    }

    [Fact]
    public void MinorFaults_OfThisProcess_CountsTheFaultsItHasTaken()
    {
        long before = ProcStats.MinorFaults(Environment.ProcessId);
        // Touching fresh pages takes minor faults: the count must grow.
        byte[] block = GC.AllocateUninitializedArray<byte>(16 << 20, pinned: true);
        for (int i = 0; i < block.Length; i += 4096)
        {
            block[i] = 1;
        }

        ProcStats.MinorFaults(Environment.ProcessId).ShouldBeGreaterThan(before);
        GC.KeepAlive(block);
    }
}
