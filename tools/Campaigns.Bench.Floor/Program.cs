return await Campaigns.Lambda.Runtime.LambdaHost.RunAsync(
    static _ => new Campaigns.Bench.Floor.ConstantHandler(),
    Campaigns.Bench.Floor.FloorJsonContext.Default.HttpApiRequest,
    Campaigns.Bench.Floor.FloorJsonContext.Default.HttpApiResponse);
