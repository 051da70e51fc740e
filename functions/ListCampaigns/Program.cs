return await Campaigns.Hosting.CampaignFunction.RunAsync(static services => new Campaigns.Functions.ListCampaigns.ListCampaignsHandler(services.Store, services.Time));
