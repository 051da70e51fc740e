return await Campaigns.Domain.Hosting.CampaignFunction.RunAsync(static services => new Campaigns.Functions.GetCampaign.GetCampaignHandler(services.Store));
