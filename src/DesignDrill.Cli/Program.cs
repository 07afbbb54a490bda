using DesignDrill.Cli;

return DrillApp.Run(args, Console.In, Console.Out, Console.Error);
