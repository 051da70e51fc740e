return await Campaigns.Bench.BenchCommand.RunAsync(args);
