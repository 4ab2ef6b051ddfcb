using Keel.Operator.Scale;

// `serve`: the child process that hosts the local API server. Anything else: the scale run itself.
return args is ["serve", ..]
    ? await ApiServerProcess.ServeAsync(args[1..]).ConfigureAwait(false)
    : await ScaleRun.RunAsync(ScaleOptions.Parse(args)).ConfigureAwait(false);
