using PodDefaults.Webhook.Cli;

return Cli.Run(args);
