return await Campaigns.Hosting.CampaignFunction.RunAsync(static services => new Campaigns.Functions.GetCampaign.GetCampaignHandler(services.Store));
