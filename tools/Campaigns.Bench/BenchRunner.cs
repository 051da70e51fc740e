using System.Text.Json;

namespace Campaigns.Bench;

/// <summary>
/// Runs the measurements interleaved (run by run, function by function, variant by variant) so drift
/// of the machine hits every variant alike.
/// </summary>
internal sealed class BenchRunner(BenchOptions options, IReadOnlyList<BenchSlot> slots, Workload workload, IReadOnlyDictionary<string, string> environment)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private const int WarmBlock = 10;
    private int _requestSequence;

    public List<ColdSample> Cold { get; } = [];

    public List<WarmSample> Warm { get; } = [];

    public Dictionary<(string Function, string Variant), double> WarmPeakRssMb { get; } = [];

    public async Task RunAsync(IReadOnlyList<Variant> variants)
    {
        var slot = slots[0];
        // One start of each function and variant first, not recorded: the very first start of a run pays
        // for the bench's own first use of its code (starting a process, serving the Runtime API), which
        // showed as a lone, much longer init in the first sample of every run (docs/performance.md).
        foreach (string function in options.Functions)
        {
            foreach (var variant in variants)
            {
                await ColdOnceAsync(function, variant, slot, run: 0);
            }
        }

        for (int run = 1; run <= options.ColdRuns; run++)
        {
            foreach (string function in options.Functions)
            {
                foreach (var variant in variants)
                {
                    Cold.Add(await ColdOnceAsync(function, variant, slot, run));
                }
            }

            Console.Error.WriteLine($"cold run {run}/{options.ColdRuns} done");
        }

        await WarmAsync(variants);
    }

    /// <summary>One cold start; <paramref name="run"/> numbers the cold runs from 1 (0: the discarded start).</summary>
    private async Task<ColdSample> ColdOnceAsync(string function, Variant variant, BenchSlot slot, int run)
    {
        slot.Reset();
        using var process = FunctionProcess.Start(variant, function, slot, environment);
        long initEnd = await slot.NextCalled.WaitAsync(Patience);
        double initCpu = process.CpuMilliseconds();
        var invocation = await InvokeAsync(slot, function);
        // The response has been posted and the process is still alive (it is ended when disposed): CPU time
        // and page faults are read together, at the same moment, both covering spawn → first response.
        double totalCpu = process.CpuMilliseconds();
        long minorFaults = process.MinorFaults();
        return new ColdSample(
            run,
            function,
            variant.Name,
            Stats.Milliseconds(process.StartedAt, initEnd),
            Stats.Milliseconds(invocation.HandedAt, invocation.CompletedAt),
            initCpu,
            totalCpu - initCpu,
            minorFaults,
            process.PeakRssMb(),
            Succeeded(invocation));
    }

    private async Task WarmAsync(IReadOnlyList<Variant> variants)
    {
        var combos = (from function in options.Functions from variant in variants select (function, variant)).ToList();
        var comboSlots = slots.Take(combos.Count).ToList();
        var processes = new List<FunctionProcess>();
        try
        {
            for (int i = 0; i < combos.Count; i++)
            {
                comboSlots[i].Reset();
                processes.Add(FunctionProcess.Start(combos[i].variant, combos[i].function, comboSlots[i], environment));
                await comboSlots[i].NextCalled.WaitAsync(Patience);
                await InvokeAsync(comboSlots[i], combos[i].function); // the cold one, not counted
            }

            for (int done = 0; done < options.WarmRuns; done += WarmBlock)
            {
                for (int i = 0; i < combos.Count; i++)
                {
                    for (int k = 0; k < Math.Min(WarmBlock, options.WarmRuns - done); k++)
                    {
                        var invocation = await InvokeAsync(comboSlots[i], combos[i].function);
                        Warm.Add(new WarmSample(combos[i].function, combos[i].variant.Name, Stats.Milliseconds(invocation.HandedAt, invocation.CompletedAt), Succeeded(invocation)));
                    }
                }
            }

            // VmHWM is the high-water mark: read now, it covers every warm invocation just made.
            for (int i = 0; i < combos.Count; i++)
            {
                WarmPeakRssMb[(combos[i].function, combos[i].variant.Name)] = processes[i].PeakRssMb();
            }
        }
        finally
        {
            processes.ForEach(p => p.Dispose());
        }
    }

    private async Task<BenchInvocation> InvokeAsync(BenchSlot slot, string function)
    {
        // The process is idle once it has called `next` again; only then is the slot ready for another event.
        var ready = slot.NextCalled;
        var invocation = new BenchInvocation("bench-" + Interlocked.Increment(ref _requestSequence), workload.Event(function));
        await ready.WaitAsync(Patience);
        slot.Enqueue(invocation);
        await invocation.Done.WaitAsync(Patience);
        return invocation;
    }

    private static bool Succeeded(BenchInvocation invocation)
    {
        if (!invocation.Responded || invocation.ResponseBody is null)
        {
            return false;
        }

        using var document = JsonDocument.Parse(invocation.ResponseBody);
        return document.RootElement.TryGetProperty("statusCode", out var status) && status.GetInt32() is >= 200 and < 300;
    }
}
