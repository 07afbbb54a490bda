using DesignDrill.Cli;

return DrillApp.Run(args, Console.Out, Console.Error);
