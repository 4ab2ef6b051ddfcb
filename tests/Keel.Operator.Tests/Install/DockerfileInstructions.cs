using System.Text.Json;
using Keel.Operator.Tests.Support;

namespace Keel.Operator.Tests.Install;

/// <summary>
/// The repository's Dockerfile as a list of instructions (continuation lines joined, comments dropped), grouped into
/// build stages. Enough of the Dockerfile syntax to check what the image runs; the image itself is not built here.
/// </summary>
internal sealed class DockerfileInstructions
{
    private DockerfileInstructions(IReadOnlyList<IReadOnlyList<Instruction>> stages) => Stages = stages;

    /// <summary>The build stages, each starting with its <c>FROM</c>; the last one is the image.</summary>
    public IReadOnlyList<IReadOnlyList<Instruction>> Stages { get; }

    public IReadOnlyList<Instruction> Final => Stages[^1];

    public static DockerfileInstructions Read(string? path = null) => Parse(File.ReadAllText(path ?? Repository.Path("Dockerfile")));

    public static DockerfileInstructions Parse(string text)
    {
        var stages = new List<List<Instruction>>();
        var pending = "";
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.TrimStart().StartsWith('#'))
            {
                continue; // comments (and the syntax directive) inside continuations are dropped too, as Docker does
            }

            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }

            var full = (pending + line).Trim();
            pending = "";
            if (full.Length == 0)
            {
                continue;
            }

            var space = full.IndexOf(' ', StringComparison.Ordinal);
            var instruction = new Instruction(full[..space].ToUpperInvariant(), full[(space + 1)..].Trim());
            if (instruction.Keyword == "FROM")
            {
                stages.Add([]);
            }

            if (stages.Count == 0)
            {
                if (instruction.Keyword != "ARG")
                {
                    throw new FormatException($"Dockerfile: {instruction.Keyword} before the first FROM");
                }

                continue; // global build arguments
            }

            stages[^1].Add(instruction);
        }

        return new DockerfileInstructions(stages);
    }

    /// <summary>The one <paramref name="keyword"/> instruction of the final stage (the image's configuration).</summary>
    public Instruction Single(string keyword) => Assert.Single(Final, i => i.Keyword == keyword);

    /// <summary>The base image of the stage: the <c>FROM</c> argument without <c>--platform</c> and <c>AS name</c>.</summary>
    public static string BaseImage(IReadOnlyList<Instruction> stage) =>
        stage[0].Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).First(a => !a.StartsWith("--", StringComparison.Ordinal));
}

/// <summary>One Dockerfile instruction: its keyword (upper case) and the rest of the line.</summary>
internal sealed record Instruction(string Keyword, string Arguments)
{
    /// <summary>The exec (JSON array) form's arguments; fails for the shell form, which would run through a shell the image does not have.</summary>
    public IReadOnlyList<string> ExecForm()
    {
        Assert.True(Arguments.StartsWith('['), $"{Keyword} {Arguments}: use the exec form (a JSON array); the chiselled image has no shell");
        return JsonSerializer.Deserialize<string[]>(Arguments)!;
    }
}
